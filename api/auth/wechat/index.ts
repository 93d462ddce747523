import { wechatLogin, wechatLoginBody } from '../../../server/auth/wechat-login';
import { jsonBody, route, validate } from '../../../server/http/handler';

export default route(
  {
    POST: async ({ req, app, now }) => ({ body: await wechatLogin(app, validate(wechatLoginBody, jsonBody(req)), now) }),
  },
  // logging in again must work whatever old token the client still sends
  { bearerTokens: false },
);
