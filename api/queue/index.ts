import { requireLogin, queryObject, route, validate } from '../../server/http/handler';
import { queueQuery } from '../../server/queue/queue-requests';
import { queueBoard } from '../../server/queue/queue-service';

// Staff: today's queue of my centre, seen from my window.
export default route({
  GET: async (ctx) => {
    const caller = requireLogin(ctx);
    const { window } = validate(queueQuery, queryObject(ctx.req));
    return { body: await queueBoard(ctx.app, caller, window, ctx.now) };
  },
});
