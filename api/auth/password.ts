import { changePasswordBody } from '../../server/accounts/account-requests';
import { changePassword } from '../../server/auth/password-login';
import { jsonBody, requireLogin, route, validate } from '../../server/http/handler';

// Staff: change one's own password (also the forced change after a new account or a reset).
export default route({
  POST: async (ctx) => {
    const caller = requireLogin(ctx);
    return { body: await changePassword(ctx.app, caller, validate(changePasswordBody, jsonBody(ctx.req)), ctx.now) };
  },
});
