import { idempotencyKey } from '../../../../../server/booking/booking-requests';
import { createStaffBody } from '../../../../../server/center-config/config-requests';
import { createStaff } from '../../../../../server/center-config/config-service';
import { jsonBody, requireLogin, route, uuidParam, validate } from '../../../../../server/http/handler';

// Add a staff member to the public notice (not shown until their consent is recorded).
export default route({
  POST: async (ctx) => {
    const caller = requireLogin(ctx);
    const centerId = uuidParam(ctx.req);
    const key = idempotencyKey(ctx.req);
    const body = validate(createStaffBody, jsonBody(ctx.req));
    return { status: 201, body: await createStaff(ctx.app, caller, centerId, body, key, ctx.now) };
  },
});
