import { codeQuery } from '../../server/booking/booking-requests';
import { verify } from '../../server/booking/booking-service';
import { queryObject, requireLogin, route, validate } from '../../server/http/handler';

export default route({
  GET: async (ctx) => {
    const caller = requireLogin(ctx);
    const { code } = validate(codeQuery, queryObject(ctx.req));
    return { body: await verify(ctx.app, caller, code) };
  },
});
