import { overrideBody } from '../../../../server/center-config/config-requests';
import { setOverride } from '../../../../server/center-config/config-service';
import { jsonBody, requireLogin, route, uuidParam, validate } from '../../../../server/http/handler';

// Replace a window's sessions on one date (no sessions: back to the weekly template).
export default route({
  POST: async (ctx) => {
    const caller = requireLogin(ctx);
    const body = validate(overrideBody, jsonBody(ctx.req));
    return { body: await setOverride(ctx.app, caller, uuidParam(ctx.req), body, ctx.now) };
  },
});
