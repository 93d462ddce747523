import { idempotencyKey } from '../../../server/booking/booking-requests';
import { declineBody } from '../../../server/cases/case-requests';
import { declineBooking } from '../../../server/cases/case-service';
import { jsonBody, requireLogin, route, uuidParam, validate } from '../../../server/http/handler';

// Staff: decline a booking of their centre with the reason the resident reads; the seat is freed.
export default route({
  POST: async (ctx) => {
    const caller = requireLogin(ctx);
    const id = uuidParam(ctx.req);
    const key = idempotencyKey(ctx.req);
    const { reason } = validate(declineBody, jsonBody(ctx.req));
    return { body: await declineBooking(ctx.app, caller, id, reason, key, ctx.now) };
  },
});
