import { updateWindowBody } from '../../../../../server/center-config/config-requests';
import { updateWindow } from '../../../../../server/center-config/config-service';
import { jsonBody, requireLogin, route, uuidParam, validate } from '../../../../../server/http/handler';

// Rename, (de)activate a window, or set the items it serves.
export default route({
  POST: async (ctx) => {
    const caller = requireLogin(ctx);
    const centerId = uuidParam(ctx.req);
    const windowId = uuidParam(ctx.req, 'windowId');
    const body = validate(updateWindowBody, jsonBody(ctx.req));
    return { body: await updateWindow(ctx.app, caller, centerId, windowId, body, ctx.now) };
  },
});
