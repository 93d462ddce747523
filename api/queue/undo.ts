import { idempotencyKey } from '../../server/booking/booking-requests';
import { jsonBody, requireLogin, route, validate } from '../../server/http/handler';
import { queueUndoBody } from '../../server/queue/queue-requests';
import { undoQueueAction } from '../../server/queue/queue-service';

// Staff: take back my latest queue action at this window within 2 minutes.
export default route({
  POST: async (ctx) => {
    const caller = requireLogin(ctx);
    const key = idempotencyKey(ctx.req);
    const { windowId } = validate(queueUndoBody, jsonBody(ctx.req));
    return { body: await undoQueueAction(ctx.app, caller, windowId, key, ctx.now) };
  },
});
