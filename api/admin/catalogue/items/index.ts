import { idempotencyKey } from '../../../../server/booking/booking-requests';
import { adminItemQuery, catalogueItemInput } from '../../../../server/catalogue/catalogue-admin-requests';
import { listItems, saveItem } from '../../../../server/catalogue/catalogue-admin-service';
import { jsonBody, queryObject, requireLogin, route, validate } from '../../../../server/http/handler';

// County admin: the county's items, published or not (GET); create an item with its materials (POST).
export default route({
  GET: async (ctx) => ({
    body: await listItems(ctx.app.db, requireLogin(ctx), validate(adminItemQuery, queryObject(ctx.req))),
  }),
  POST: async (ctx) => {
    const caller = requireLogin(ctx);
    const key = idempotencyKey(ctx.req);
    const row = validate(catalogueItemInput, jsonBody(ctx.req));
    return { status: 201, body: await saveItem(ctx.app.db, caller, row, ctx.now, null, key) };
  },
});
