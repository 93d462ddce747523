import { codeQuery } from '../../server/booking/booking-requests';
import { checkIn } from '../../server/booking/booking-service';
import { jsonBody, requireLogin, route, validate } from '../../server/http/handler';

export default route({
  POST: async (ctx) => {
    const caller = requireLogin(ctx);
    const { code } = validate(codeQuery, jsonBody(ctx.req));
    return { body: await checkIn(ctx.app, caller, code, ctx.now) };
  },
});
