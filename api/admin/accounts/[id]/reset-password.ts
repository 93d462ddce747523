import { resetPassword } from '../../../../server/accounts/account-service';
import { requireLogin, route, uuidParam } from '../../../../server/http/handler';

// Admins and managers: a new temporary password (shown once), forced change, unlocked.
export default route({
  POST: async (ctx) => ({ body: await resetPassword(ctx.app, requireLogin(ctx), uuidParam(ctx.req), ctx.now) }),
});
