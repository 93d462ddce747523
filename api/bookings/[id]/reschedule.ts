import { idempotencyKey, rescheduleBody } from '../../../server/booking/booking-requests';
import { reschedule } from '../../../server/booking/booking-service';
import { jsonBody, requireLogin, route, uuidParam, validate } from '../../../server/http/handler';

export default route({
  POST: async (ctx) => {
    const caller = requireLogin(ctx);
    const id = uuidParam(ctx.req);
    const key = idempotencyKey(ctx.req);
    const { slotStart } = validate(rescheduleBody, jsonBody(ctx.req));
    return { body: await reschedule(ctx.app, caller, id, slotStart, key, ctx.now) };
  },
});
