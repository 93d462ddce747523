import { departmentInput } from '../../../../server/catalogue/catalogue-admin-requests';
import { saveDepartment } from '../../../../server/catalogue/catalogue-admin-service';
import { jsonBody, requireLogin, route, uuidParam, validate } from '../../../../server/http/handler';

// County admin: rename or reorder a department.
export default route({
  PUT: async (ctx) => {
    const caller = requireLogin(ctx);
    const id = uuidParam(ctx.req);
    const input = validate(departmentInput, jsonBody(ctx.req));
    return { body: await saveDepartment(ctx.app.db, caller, input, ctx.now, id) };
  },
});
