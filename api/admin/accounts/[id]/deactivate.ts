import { setAccountActive } from '../../../../server/accounts/account-service';
import { requireLogin, route, uuidParam } from '../../../../server/http/handler';

// Admins and managers: stop an account at once (its tokens stop working with this call).
export default route({
  POST: async (ctx) => ({ body: await setAccountActive(ctx.app, requireLogin(ctx), uuidParam(ctx.req), false, ctx.now) }),
});
