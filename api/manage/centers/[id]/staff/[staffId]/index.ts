import { updateStaffBody } from '../../../../../../server/center-config/config-requests';
import { updateStaff } from '../../../../../../server/center-config/config-service';
import { jsonBody, requireLogin, route, uuidParam, validate } from '../../../../../../server/http/handler';

// Change a staff profile, record or withdraw consent, set today's duty.
export default route({
  POST: async (ctx) => {
    const caller = requireLogin(ctx);
    const centerId = uuidParam(ctx.req);
    const staffId = uuidParam(ctx.req, 'staffId');
    const body = validate(updateStaffBody, jsonBody(ctx.req));
    return { body: await updateStaff(ctx.app, caller, centerId, staffId, body, ctx.now) };
  },
});
