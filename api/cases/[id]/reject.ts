import { idempotencyKey } from '../../../server/booking/booking-requests';
import { rejectBody } from '../../../server/cases/case-requests';
import { advanceCase } from '../../../server/cases/case-service';
import { jsonBody, requireLogin, route, uuidParam, validate } from '../../../server/http/handler';

// Staff: 不予受理, with the reason the resident reads.
export default route({
  POST: async (ctx) => {
    const caller = requireLogin(ctx);
    const id = uuidParam(ctx.req);
    const key = idempotencyKey(ctx.req);
    const { reason } = validate(rejectBody, jsonBody(ctx.req));
    return { body: await advanceCase(ctx.app, caller, id, 'reject', { reason }, key, ctx.now) };
  },
});
