import { onDuty } from '../../../server/center-config/config-service';
import { route, uuidParam } from '../../../server/http/handler';

// Public: today's consented staff on duty (在岗公示). Short cache: a withdrawn consent or a
// change of duty shows within a minute.
export default route({
  GET: async (ctx) => ({
    body: await onDuty(ctx.app, ctx.caller, uuidParam(ctx.req), ctx.now),
    headers: { 'Cache-Control': 'public, max-age=60' },
  }),
});
