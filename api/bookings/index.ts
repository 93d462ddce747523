import { bookingBody, idempotencyKey } from '../../server/booking/booking-requests';
import { book, listMine } from '../../server/booking/booking-service';
import { jsonBody, requireLogin, route, validate } from '../../server/http/handler';

export default route({
  GET: async (ctx) => ({ body: await listMine(ctx.app, requireLogin(ctx)) }),
  POST: async (ctx) => {
    const caller = requireLogin(ctx);
    const key = idempotencyKey(ctx.req);
    const input = validate(bookingBody, jsonBody(ctx.req));
    return { status: 201, body: await book(ctx.app, caller, input, key, ctx.now) };
  },
});
