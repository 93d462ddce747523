import { updateAccountBody } from '../../../../server/accounts/account-requests';
import { updateAccount } from '../../../../server/accounts/account-service';
import { jsonBody, requireLogin, route, uuidParam, validate } from '../../../../server/http/handler';

// Admins and managers: change an account's name, role or centre within their scope.
export default route({
  POST: async (ctx) => {
    const caller = requireLogin(ctx);
    const id = uuidParam(ctx.req);
    return { body: await updateAccount(ctx.app, caller, id, validate(updateAccountBody, jsonBody(ctx.req)), ctx.now) };
  },
});
