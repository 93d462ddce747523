import { bundleInput } from '../../../../server/catalogue/catalogue-admin-requests';
import { saveBundle } from '../../../../server/catalogue/catalogue-admin-service';
import { jsonBody, requireLogin, route, uuidParam, validate } from '../../../../server/http/handler';

// County admin: replace a bundle and its ordered item list.
export default route({
  PUT: async (ctx) => {
    const caller = requireLogin(ctx);
    const id = uuidParam(ctx.req);
    const input = validate(bundleInput, jsonBody(ctx.req));
    return { body: await saveBundle(ctx.app.db, caller, input, ctx.now, id, null) };
  },
});
