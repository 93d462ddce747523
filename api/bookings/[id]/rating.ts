import { idempotencyKey } from '../../../server/booking/booking-requests';
import { ratingBody } from '../../../server/cases/case-requests';
import { rateBooking } from '../../../server/cases/case-service';
import { jsonBody, requireLogin, route, uuidParam, validate } from '../../../server/http/handler';

// The resident (or consenting family) rates a finished booking, once.
export default route({
  POST: async (ctx) => {
    const caller = requireLogin(ctx);
    const id = uuidParam(ctx.req);
    const key = idempotencyKey(ctx.req);
    const input = validate(ratingBody, jsonBody(ctx.req));
    return { status: 201, body: await rateBooking(ctx.app, caller, id, input, key, ctx.now) };
  },
});
