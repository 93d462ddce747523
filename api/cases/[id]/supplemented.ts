import { z } from 'zod';
import { idempotencyKey } from '../../../server/booking/booking-requests';
import { advanceCase } from '../../../server/cases/case-service';
import { optionalJsonBody, requireLogin, route, uuidParam, validate } from '../../../server/http/handler';

// Staff: the resident brought the missing materials; the case is accepted again.
export default route({
  POST: async (ctx) => {
    const caller = requireLogin(ctx);
    const id = uuidParam(ctx.req);
    const key = idempotencyKey(ctx.req);
    validate(z.object({}).strict(), optionalJsonBody(ctx.req));
    return { body: await advanceCase(ctx.app, caller, id, 'supplemented', {}, key, ctx.now) };
  },
});
