import { idempotencyKey } from '../../../server/booking/booking-requests';
import { forwardBody } from '../../../server/cases/case-requests';
import { advanceCase } from '../../../server/cases/case-service';
import { optionalJsonBody, requireLogin, route, uuidParam, validate } from '../../../server/http/handler';

// Staff: 上报 — sent to the county department, with an optional note.
export default route({
  POST: async (ctx) => {
    const caller = requireLogin(ctx);
    const id = uuidParam(ctx.req);
    const key = idempotencyKey(ctx.req);
    const { note } = validate(forwardBody, optionalJsonBody(ctx.req));
    return { body: await advanceCase(ctx.app, caller, id, 'forward', { note }, key, ctx.now) };
  },
});
