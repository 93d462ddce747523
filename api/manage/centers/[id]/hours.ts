import { hoursBody } from '../../../../server/center-config/config-requests';
import { setOpeningHours } from '../../../../server/center-config/config-service';
import { jsonBody, requireLogin, route, uuidParam, validate } from '../../../../server/http/handler';

// Replace the weekly opening hours residents read.
export default route({
  POST: async (ctx) => {
    const caller = requireLogin(ctx);
    const body = validate(hoursBody, jsonBody(ctx.req));
    return { body: await setOpeningHours(ctx.app, caller, uuidParam(ctx.req), body, ctx.now) };
  },
});
