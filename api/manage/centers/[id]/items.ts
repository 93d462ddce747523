import { centerItemBody } from '../../../../server/center-config/config-requests';
import { setCenterItem } from '../../../../server/center-config/config-service';
import { jsonBody, requireLogin, route, uuidParam, validate } from '../../../../server/http/handler';

// Enable or disable an item at the centre (refused while bookings for it are to come).
export default route({
  POST: async (ctx) => {
    const caller = requireLogin(ctx);
    const body = validate(centerItemBody, jsonBody(ctx.req));
    return { body: await setCenterItem(ctx.app, caller, uuidParam(ctx.req), body, ctx.now) };
  },
});
