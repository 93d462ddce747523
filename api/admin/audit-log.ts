import { auditLogQuery } from '../../server/accounts/account-requests';
import { auditLog } from '../../server/accounts/account-service';
import { queryObject, requireLogin, route, validate } from '../../server/http/handler';

// Admins (their county) and managers (their centre): who changed what, newest first.
export default route({
  GET: async (ctx) => {
    const caller = requireLogin(ctx);
    return { body: await auditLog(ctx.app, caller, validate(auditLogQuery, queryObject(ctx.req))) };
  },
});
