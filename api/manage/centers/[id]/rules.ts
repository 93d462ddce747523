import { rulesBody } from '../../../../server/center-config/config-requests';
import { setRules } from '../../../../server/center-config/config-service';
import { jsonBody, requireLogin, route, uuidParam, validate } from '../../../../server/http/handler';

// Booking rules: how far ahead, cut-off, caps, no-show policy (for bookings from now on).
export default route({
  POST: async (ctx) => {
    const caller = requireLogin(ctx);
    const body = validate(rulesBody, jsonBody(ctx.req));
    return { body: await setRules(ctx.app, caller, uuidParam(ctx.req), body, ctx.now) };
  },
});
