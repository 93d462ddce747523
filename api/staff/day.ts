import { requireLogin, queryObject, route, validate } from '../../server/http/handler';
import { staffDayQuery } from '../../server/queue/queue-requests';
import { staffDay } from '../../server/queue/queue-service';

// Staff: the bookings of my centre on a day (default today), pending ones counted.
export default route({
  GET: async (ctx) => {
    const caller = requireLogin(ctx);
    const { date } = validate(staffDayQuery, queryObject(ctx.req));
    return { body: await staffDay(ctx.app, caller, date, ctx.now) };
  },
});
