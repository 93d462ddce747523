import { headerValue, optionalJsonBody, requireLogin, route, validate } from '../../server/http/handler';
import { idempotencyKey } from '../../server/booking/booking-requests';
import { walkInBody } from '../../server/queue/queue-requests';
import { issueWalkIn } from '../../server/queue/queue-service';

// Staff: a walk-in ticket in the same queue as checked-in bookings. With an Idempotency-Key a
// retry answers the same number (the key stays optional for older clients).
export default route({
  POST: async (ctx) => {
    const caller = requireLogin(ctx);
    const key = headerValue(ctx.req, 'idempotency-key') === undefined ? undefined : idempotencyKey(ctx.req);
    const { itemId } = validate(walkInBody, optionalJsonBody(ctx.req));
    return { status: 201, body: await issueWalkIn(ctx.app, caller, itemId, key, ctx.now) };
  },
});
