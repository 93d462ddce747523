import { idempotencyKey } from '../../server/booking/booking-requests';
import { jsonBody, requireLogin, route, validate } from '../../server/http/handler';
import { callNextBody } from '../../server/queue/queue-requests';
import { callNext } from '../../server/queue/queue-service';

// Staff: 叫下一位 at my window (never drops a person called but not yet served).
export default route({
  POST: async (ctx) => {
    const caller = requireLogin(ctx);
    const key = idempotencyKey(ctx.req);
    const { windowId, finishCurrent } = validate(callNextBody, jsonBody(ctx.req));
    return { body: await callNext(ctx.app, caller, windowId, finishCurrent ?? false, key, ctx.now) };
  },
});
