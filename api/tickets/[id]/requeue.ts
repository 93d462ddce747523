import { idempotencyKey } from '../../../server/booking/booking-requests';
import { requireLogin, route, uuidParam } from '../../../server/http/handler';
import { ticketAction } from '../../../server/queue/queue-service';

// Staff: 放回排队: a missed (or called) person queues again from now.
export default route({
  POST: async (ctx) => {
    const caller = requireLogin(ctx);
    const id = uuidParam(ctx.req);
    const key = idempotencyKey(ctx.req);
    return { body: await ticketAction(ctx.app, caller, id, 'requeue', key, ctx.now) };
  },
});
