import { idempotencyKey } from '../../server/booking/booking-requests';
import type { AcceptCaseRequest } from '../../server/contract/cases';
import { acceptCaseBody } from '../../server/cases/case-requests';
import { acceptCase } from '../../server/cases/case-service';
import { jsonBody, requireLogin, route, validate } from '../../server/http/handler';

// Staff: accept (受理) a checked-in booking or a walk-in ticket of today as a case.
export default route({
  POST: async (ctx) => {
    const caller = requireLogin(ctx);
    const key = idempotencyKey(ctx.req);
    const input = validate(acceptCaseBody, jsonBody(ctx.req)) as AcceptCaseRequest;
    return { status: 201, body: await acceptCase(ctx.app, caller, input, key, ctx.now) };
  },
});
