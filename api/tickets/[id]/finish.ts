import { idempotencyKey } from '../../../server/booking/booking-requests';
import { requireLogin, route, uuidParam } from '../../../server/http/handler';
import { ticketAction } from '../../../server/queue/queue-service';

// Staff: 办完了: the person being served is done.
export default route({
  POST: async (ctx) => {
    const caller = requireLogin(ctx);
    const id = uuidParam(ctx.req);
    const key = idempotencyKey(ctx.req);
    return { body: await ticketAction(ctx.app, caller, id, 'finish', key, ctx.now) };
  },
});
