import { saveWechatPhone, wechatPhoneBody } from '../../../server/auth/wechat-login';
import { jsonBody, requireLogin, route, validate } from '../../../server/http/handler';

export default route({
  POST: async (ctx) => {
    const caller = requireLogin(ctx);
    const { code } = validate(wechatPhoneBody, jsonBody(ctx.req));
    return { body: await saveWechatPhone(ctx.app, caller, code, ctx.now) };
  },
});
