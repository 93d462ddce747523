import { assertDevLoginAllowed, devLogin, devLoginBody } from '../../server/auth/dev-login';
import { jsonBody, route, validate } from '../../server/http/handler';

export default route(
  {
    POST: async ({ req, app, now }) => {
      assertDevLoginAllowed(app);
      return { body: await devLogin(app, validate(devLoginBody, jsonBody(req)), now) };
    },
  },
  // logging in again must work whatever old token the client still sends
  { bearerTokens: false },
);
