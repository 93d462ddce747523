import { closeRectification, closeRectificationBody } from '../../../../server/cases/follow-up';
import { jsonBody, requireLogin, route, uuidParam, validate } from '../../../../server/http/handler';

// The centre's manager or the county admin closes a follow-up (整改) with what was done.
export default route({
  POST: async (ctx) => {
    const caller = requireLogin(ctx);
    const id = uuidParam(ctx.req);
    const { resolution } = validate(closeRectificationBody, jsonBody(ctx.req));
    return { body: await closeRectification(ctx.app.db, caller, id, resolution, ctx.now) };
  },
});
