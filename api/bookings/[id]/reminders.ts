import { optionalIdempotencyKey, recordReminderConsent, reminderBody } from '../../../server/booking/reminders';
import { jsonBody, requireLogin, route, uuidParam, validate } from '../../../server/http/handler';

export default route({
  POST: async (ctx) => {
    const caller = requireLogin(ctx);
    const id = uuidParam(ctx.req);
    const key = optionalIdempotencyKey(ctx.req);
    const body = validate(reminderBody, jsonBody(ctx.req));
    return { body: await recordReminderConsent(ctx.app, caller, id, body, ctx.now, key) };
  },
});
