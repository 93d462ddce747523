// The development login: on `npm start` and in tests, pick a demo account by its login name
// (or make a new resident). Refused outright when the server runs in production mode.
import { z } from 'zod';
import type { App } from '../app';
import { apiError } from '../core/errors';
import { type Account, issueToken, SERVICE } from './tokens';

export const devLoginBody = z.object({
  login: z.string().trim().regex(/^[a-z0-9_-]{2,32}$/, '登录名只能用小写字母、数字、-和_，2到32位'),
  displayName: z.string().trim().min(1).max(40).optional(),
});

export function assertDevLoginAllowed(app: App): void {
  if (app.config.mode === 'production') throw apiError('DEV_LOGIN_DISABLED');
}

export async function devLogin(app: App, input: z.infer<typeof devLoginBody>, now: Date): Promise<{ token: string; account: Account }> {
  assertDevLoginAllowed(app);
  const account = await app.db.rpc<Account>(
    'login_user',
    { p_dev_login: input.login, p_display_name: input.displayName ?? input.login },
    SERVICE,
  );
  return { token: await issueToken(app.config.authSecret, account, now), account };
}
