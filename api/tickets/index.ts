import { z } from 'zod';
import { optionalJsonBody, requireLogin, route, validate } from '../../server/http/handler';

const ticketBody = z.object({ itemId: z.string().uuid('编号格式不对').optional() }).strict();

// Staff: a walk-in ticket in the same queue as checked-in bookings.
export default route({
  POST: async (ctx) => {
    const caller = requireLogin(ctx);
    const { itemId } = validate(ticketBody, optionalJsonBody(ctx.req));
    const ticket = await ctx.app.db.rpc('issue_walk_in_ticket', { p_item: itemId, p_now: ctx.now.toISOString() }, caller);
    return { status: 201, body: ticket };
  },
});
