import { removeClosureBody } from '../../../../../server/center-config/config-requests';
import { removeClosure } from '../../../../../server/center-config/config-service';
import { jsonBody, requireLogin, route, uuidParam, validate } from '../../../../../server/http/handler';

// Take back one closed day: the day's slots come back from the templates.
export default route({
  POST: async (ctx) => {
    const caller = requireLogin(ctx);
    const { closureId } = validate(removeClosureBody, jsonBody(ctx.req));
    return { body: await removeClosure(ctx.app, caller, uuidParam(ctx.req), closureId, ctx.now) };
  },
});
