import { idempotencyKey } from '../../../../../server/booking/booking-requests';
import { createWindowBody } from '../../../../../server/center-config/config-requests';
import { createWindow } from '../../../../../server/center-config/config-service';
import { jsonBody, requireLogin, route, uuidParam, validate } from '../../../../../server/http/handler';

// Open a new window with the items it serves (Idempotency-Key: a retry does not make two).
export default route({
  POST: async (ctx) => {
    const caller = requireLogin(ctx);
    const centerId = uuidParam(ctx.req);
    const key = idempotencyKey(ctx.req);
    const body = validate(createWindowBody, jsonBody(ctx.req));
    return { status: 201, body: await createWindow(ctx.app, caller, centerId, body, key, ctx.now) };
  },
});
