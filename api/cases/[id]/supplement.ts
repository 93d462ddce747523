import { idempotencyKey } from '../../../server/booking/booking-requests';
import { supplementBody } from '../../../server/cases/case-requests';
import { advanceCase } from '../../../server/cases/case-service';
import { jsonBody, requireLogin, route, uuidParam, validate } from '../../../server/http/handler';

// Staff: 补正 — exactly which materials are missing.
export default route({
  POST: async (ctx) => {
    const caller = requireLogin(ctx);
    const id = uuidParam(ctx.req);
    const key = idempotencyKey(ctx.req);
    const { missing } = validate(supplementBody, jsonBody(ctx.req));
    return { body: await advanceCase(ctx.app, caller, id, 'supplement', { missing }, key, ctx.now) };
  },
});
