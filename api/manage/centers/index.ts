import { listManagedCenters } from '../../../server/center-config/config-service';
import { requireLogin, route } from '../../../server/http/handler';

// Managers: their centre; county admins: every centre of their county.
export default route({
  GET: async (ctx) => ({ body: await listManagedCenters(ctx.app, requireLogin(ctx)), headers: { 'Cache-Control': 'no-store' } }),
});
