import { catalogueItemInput } from '../../../../../server/catalogue/catalogue-admin-requests';
import { getItem, saveItem } from '../../../../../server/catalogue/catalogue-admin-service';
import { jsonBody, requireLogin, route, uuidParam, validate } from '../../../../../server/http/handler';

// County admin: one item with its materials (GET); replace it, materials list included (PUT).
export default route({
  GET: async (ctx) => ({ body: await getItem(ctx.app.db, requireLogin(ctx), uuidParam(ctx.req)) }),
  PUT: async (ctx) => {
    const caller = requireLogin(ctx);
    const id = uuidParam(ctx.req);
    const row = validate(catalogueItemInput, jsonBody(ctx.req));
    return { body: await saveItem(ctx.app.db, caller, row, ctx.now, id, null) };
  },
});
