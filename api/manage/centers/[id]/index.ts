import { getConfig } from '../../../../server/center-config/config-service';
import { requireLogin, route, uuidParam } from '../../../../server/http/handler';

// The whole configuration of one centre, for its manager or the county admin.
export default route({
  GET: async (ctx) => ({
    body: await getConfig(ctx.app, requireLogin(ctx), uuidParam(ctx.req), ctx.now),
    headers: { 'Cache-Control': 'no-store' },
  }),
});
