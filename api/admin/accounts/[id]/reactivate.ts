import { setAccountActive } from '../../../../server/accounts/account-service';
import { requireLogin, route, uuidParam } from '../../../../server/http/handler';

// Admins and managers: let a deactivated account log in again.
export default route({
  POST: async (ctx) => ({ body: await setAccountActive(ctx.app, requireLogin(ctx), uuidParam(ctx.req), true, ctx.now) }),
});
