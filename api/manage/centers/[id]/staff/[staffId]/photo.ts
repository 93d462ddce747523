import { photoBody } from '../../../../../../server/center-config/config-requests';
import { setStaffPhoto } from '../../../../../../server/center-config/config-service';
import { jsonBody, requireLogin, route, uuidParam, validate } from '../../../../../../server/http/handler';

// Set (POST, base64 JPEG/PNG ≤ 200 KB) or remove (DELETE) a staff member's photo.
export default route({
  POST: async (ctx) => {
    const caller = requireLogin(ctx);
    const body = validate(photoBody, jsonBody(ctx.req));
    return { body: await setStaffPhoto(ctx.app, caller, uuidParam(ctx.req), uuidParam(ctx.req, 'staffId'), body, ctx.now) };
  },
  DELETE: async (ctx) => {
    const caller = requireLogin(ctx);
    return { body: await setStaffPhoto(ctx.app, caller, uuidParam(ctx.req), uuidParam(ctx.req, 'staffId'), null, ctx.now) };
  },
});
