import { requireLogin, route, uuidParam } from '../../../server/http/handler';
import { staffBooking } from '../../../server/queue/queue-service';

// Staff: one booking of my centre with its ticket, case and the materials checklist.
export default route({
  GET: async (ctx) => ({ body: await staffBooking(ctx.app, requireLogin(ctx), uuidParam(ctx.req)) }),
});
