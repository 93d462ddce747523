import { passwordLoginBody } from '../../server/accounts/account-requests';
import { passwordLogin } from '../../server/auth/password-login';
import { jsonBody, route, validate } from '../../server/http/handler';

// Staff: username + password.
export default route(
  {
    POST: async ({ req, app, now }) => ({ body: await passwordLogin(app, validate(passwordLoginBody, jsonBody(req)), now) }),
  },
  // logging in again must work whatever old token the client still sends
  { bearerTokens: false },
);
