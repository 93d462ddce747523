import { accountListQuery, createAccountBody } from '../../../server/accounts/account-requests';
import { createAccount, listAccounts } from '../../../server/accounts/account-service';
import { idempotencyKey } from '../../../server/booking/booking-requests';
import { jsonBody, queryObject, requireLogin, route, validate } from '../../../server/http/handler';

// Admins and managers: the accounts they manage; create one (temporary password shown once).
export default route({
  GET: async (ctx) => {
    const caller = requireLogin(ctx);
    const { center } = validate(accountListQuery, queryObject(ctx.req));
    return { body: await listAccounts(ctx.app, caller, center, ctx.now) };
  },
  POST: async (ctx) => {
    const caller = requireLogin(ctx);
    const key = idempotencyKey(ctx.req);
    const input = validate(createAccountBody, jsonBody(ctx.req));
    return { status: 201, body: await createAccount(ctx.app, caller, input, key, ctx.now) };
  },
});
