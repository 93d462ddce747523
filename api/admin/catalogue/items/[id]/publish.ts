import { publishInput } from '../../../../../server/catalogue/catalogue-admin-requests';
import { setPublished } from '../../../../../server/catalogue/catalogue-admin-service';
import { jsonBody, requireLogin, route, uuidParam, validate } from '../../../../../server/http/handler';

// County admin: publish or stop publishing an item (future bookings: see ITEM_HAS_FUTURE_BOOKINGS).
export default route({
  POST: async (ctx) => {
    const caller = requireLogin(ctx);
    const id = uuidParam(ctx.req);
    const input = validate(publishInput, jsonBody(ctx.req));
    return { body: await setPublished(ctx.app.db, caller, id, input, ctx.now) };
  },
});
