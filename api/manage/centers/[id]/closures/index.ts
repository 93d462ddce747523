import { closureBody } from '../../../../../server/center-config/config-requests';
import { addClosure } from '../../../../../server/center-config/config-service';
import { jsonBody, requireLogin, route, uuidParam, validate } from '../../../../../server/http/handler';

// Close the centre (or a window) on a date range with the reason residents see.
export default route({
  POST: async (ctx) => {
    const caller = requireLogin(ctx);
    const body = validate(closureBody, jsonBody(ctx.req));
    return { body: await addClosure(ctx.app, caller, uuidParam(ctx.req), body, ctx.now) };
  },
});
