import { idempotencyKey } from '../../../server/booking/booking-requests';
import { completeBody } from '../../../server/cases/case-requests';
import { advanceCase } from '../../../server/cases/case-service';
import { optionalJsonBody, requireLogin, route, uuidParam, validate } from '../../../server/http/handler';

// Staff: 办结, optionally with what the resident gets.
export default route({
  POST: async (ctx) => {
    const caller = requireLogin(ctx);
    const id = uuidParam(ctx.req);
    const key = idempotencyKey(ctx.req);
    const { outcome } = validate(completeBody, optionalJsonBody(ctx.req));
    return { body: await advanceCase(ctx.app, caller, id, 'complete', { outcome }, key, ctx.now) };
  },
});
