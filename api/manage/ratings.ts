import { listRatings, ratingsQuery } from '../../server/cases/follow-up';
import { queryObject, requireLogin, route, validate } from '../../server/http/handler';

// Managers (their centre) and county admins: ratings with a summary, bad ones with their follow-up.
export default route({
  GET: async (ctx) => {
    const caller = requireLogin(ctx);
    return { body: await listRatings(ctx.app.db, caller, validate(ratingsQuery, queryObject(ctx.req)), ctx.now) };
  },
});
