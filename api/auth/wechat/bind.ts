import { bindWechat } from '../../../server/auth/wechat-binding';
import { wechatPhoneBody } from '../../../server/auth/wechat-login';
import { jsonBody, requireLogin, route, validate } from '../../../server/http/handler';

// Staff: bind the WeChat of this phone to the logged-in staff account (one-tap login later).
export default route({
  POST: async (ctx) => {
    const caller = requireLogin(ctx);
    const { code } = validate(wechatPhoneBody, jsonBody(ctx.req));
    return { body: await bindWechat(ctx.app, caller, code, ctx.now) };
  },
});
