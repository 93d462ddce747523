import { unbindWechat } from '../../../server/auth/wechat-binding';
import { requireLogin, route } from '../../../server/http/handler';

// Staff: remove the WeChat binding of the logged-in staff account.
export default route({
  POST: async (ctx) => ({ body: await unbindWechat(ctx.app, requireLogin(ctx), ctx.now) }),
});
