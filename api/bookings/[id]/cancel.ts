import { cancelBody, idempotencyKey } from '../../../server/booking/booking-requests';
import { cancel } from '../../../server/booking/booking-service';
import { optionalJsonBody, requireLogin, route, uuidParam, validate } from '../../../server/http/handler';

export default route({
  POST: async (ctx) => {
    const caller = requireLogin(ctx);
    const id = uuidParam(ctx.req);
    const key = idempotencyKey(ctx.req);
    const { reason } = validate(cancelBody, optionalJsonBody(ctx.req));
    return { body: await cancel(ctx.app, caller, id, reason, key, ctx.now) };
  },
});
