import { devLogin, devLoginBody } from '../../server/auth/dev-login';
import { jsonBody, route, validate } from '../../server/http/handler';

export default route({
  POST: async ({ req, app, now }) => ({ body: await devLogin(app, validate(devLoginBody, jsonBody(req)), now) }),
});
