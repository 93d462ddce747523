import { exportQuery } from '../../../server/catalogue/catalogue-admin-requests';
import { exportCatalogue } from '../../../server/catalogue/catalogue-admin-service';
import { queryObject, requireLogin, route, validate } from '../../../server/http/handler';

// County admin: download the county's catalogue as .xlsx or CSV, in the layout the import reads.
export default route({
  GET: async (ctx) => {
    const caller = requireLogin(ctx);
    const { format } = validate(exportQuery, queryObject(ctx.req));
    return { file: await exportCatalogue(ctx.app.db, caller, format, ctx.now) };
  },
});
