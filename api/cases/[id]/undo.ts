import { idempotencyKey } from '../../../server/booking/booking-requests';
import { undoCaseStep } from '../../../server/cases/case-service';
import { requireLogin, route, uuidParam } from '../../../server/http/handler';

// Staff: take back their own latest step of the case within 2 minutes (history is kept).
export default route({
  POST: async (ctx) => {
    const caller = requireLogin(ctx);
    const id = uuidParam(ctx.req);
    const key = idempotencyKey(ctx.req);
    return { body: await undoCaseStep(ctx.app, caller, id, key, ctx.now) };
  },
});
