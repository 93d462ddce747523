// Username + password login for staff accounts, and changing one's own password. Hashes are
// checked here (./passwords.ts); the database counts failures, locks, and keeps the hashes.
import type { z } from 'zod';
import type { changePasswordBody, passwordLoginBody } from '../accounts/account-requests';
import type { App } from '../app';
import type { LoginAccount, LoginResult } from '../contract/accounts';
import type { Caller } from '../db/database';
import { apiError } from '../core/errors';
import { dummyHash, hashPassword, passwordProblem, verifyPassword } from './passwords';
import { issueToken, SERVICE } from './tokens';

type LoginOutcome =
  | { outcome: 'ok'; account: LoginAccount }
  | { outcome: 'failed'; remaining: number }
  | { outcome: 'locked'; minutes: number }
  | { outcome: 'disabled' };

export async function passwordLogin(app: App, input: z.infer<typeof passwordLoginBody>, now: Date): Promise<LoginResult> {
  const at = now.toISOString();
  // a locked name is refused before the password is looked at
  const begin = await app.db.rpc<{ userId: string | null; passwordHash: string | null }>(
    'staff_login_begin',
    { p_username: input.username, p_now: at },
    SERVICE,
  );
  // an unknown name costs the same hash as a known one
  const matches = await verifyPassword(input.password, begin.passwordHash ?? (await dummyHash()));
  const result = await app.db.rpc<LoginOutcome>(
    'staff_login_finish',
    { p_username: input.username, p_ok: matches && begin.userId !== null, p_now: at },
    SERVICE,
  );
  switch (result.outcome) {
    case 'ok':
      return { token: await issueToken(app.config.authSecret, result.account, now), account: result.account };
    case 'disabled':
      throw apiError('ACCOUNT_DISABLED');
    case 'locked':
      throw apiError('ACCOUNT_LOCKED', undefined, { minutes: result.minutes });
    case 'failed':
      throw apiError('LOGIN_FAILED', undefined, { remaining: result.remaining });
  }
}

/** The caller changes their own password with the current one (also the forced first change). */
export async function changePassword(
  app: App,
  caller: Caller,
  input: z.infer<typeof changePasswordBody>,
  now: Date,
): Promise<{ account: LoginAccount }> {
  const userId = caller.claims.sub;
  if (caller.role !== 'authenticated' || typeof userId !== 'string') throw apiError('UNAUTHENTICATED');
  // residents have no password: staff_password_of refuses them like an unknown account
  const current = await app.db.rpc<{ username: string; passwordHash: string }>('staff_password_of', { p_user: userId }, SERVICE);
  if (!(await verifyPassword(input.currentPassword, current.passwordHash))) throw apiError('WRONG_PASSWORD');
  const problem = input.newPassword === input.currentPassword ? 'same_as_current' : passwordProblem(input.newPassword, current.username);
  if (problem) throw apiError('PASSWORD_TOO_WEAK', { newPassword: problem }, { reason: problem });
  const account = await app.db.rpc<LoginAccount>(
    'change_own_password',
    { p_user: userId, p_password_hash: await hashPassword(input.newPassword), p_now: now.toISOString() },
    SERVICE,
  );
  return { account };
}
