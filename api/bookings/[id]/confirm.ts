import { idempotencyKey } from '../../../server/booking/booking-requests';
import { confirmBooking } from '../../../server/cases/case-service';
import { requireLogin, route, uuidParam } from '../../../server/http/handler';

// Staff: confirm a pending booking of their centre.
export default route({
  POST: async (ctx) => {
    const caller = requireLogin(ctx);
    const id = uuidParam(ctx.req);
    const key = idempotencyKey(ctx.req);
    return { body: await confirmBooking(ctx.app, caller, id, key, ctx.now) };
  },
});
