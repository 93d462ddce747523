import { getBooking } from '../../../server/booking/booking-service';
import { requireLogin, route, uuidParam } from '../../../server/http/handler';

export default route({
  GET: async (ctx) => ({ body: await getBooking(ctx.app, requireLogin(ctx), uuidParam(ctx.req)) }),
});
