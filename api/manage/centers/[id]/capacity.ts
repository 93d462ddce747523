import { templatesBody } from '../../../../server/center-config/config-requests';
import { setTemplates } from '../../../../server/center-config/config-service';
import { jsonBody, requireLogin, route, uuidParam, validate } from '../../../../server/http/handler';

// Replace a window's sessions on some weekdays; future slots follow, booked seats are kept.
export default route({
  POST: async (ctx) => {
    const caller = requireLogin(ctx);
    const body = validate(templatesBody, jsonBody(ctx.req));
    return { body: await setTemplates(ctx.app, caller, uuidParam(ctx.req), body, ctx.now) };
  },
});
