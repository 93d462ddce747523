import { idempotencyKey } from '../../../../server/booking/booking-requests';
import { bundleInput } from '../../../../server/catalogue/catalogue-admin-requests';
import { listBundles, saveBundle } from '../../../../server/catalogue/catalogue-admin-service';
import { jsonBody, requireLogin, route, validate } from '../../../../server/http/handler';

// County admin: the county's 一件事 bundles (GET); create one with its ordered items (POST).
export default route({
  GET: async (ctx) => ({ body: await listBundles(ctx.app.db, requireLogin(ctx)) }),
  POST: async (ctx) => {
    const caller = requireLogin(ctx);
    const key = idempotencyKey(ctx.req);
    const input = validate(bundleInput, jsonBody(ctx.req));
    return { status: 201, body: await saveBundle(ctx.app.db, caller, input, ctx.now, null, key) };
  },
});
