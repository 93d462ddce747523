// Why the database refused a logged-in caller. The database treats a deactivated account and
// one that must change its password as not active (app.current_account()), so every function
// refuses them — with UNAUTHENTICATED, FORBIDDEN or, where it hides what exists, a *_NOT_FOUND.
// This gives every route the same answer for them: 401 UNAUTHENTICATED for a deactivated
// account (log in again), 403 PASSWORD_CHANGE_REQUIRED (open the change-password step).
// Only refusals are looked at, so a working call costs nothing extra.
import type { App } from '../app';
import { type Caller, DbError } from '../db/database';
import { apiError } from '../core/errors';
import { SERVICE } from './tokens';

export async function explainRefusal(app: App, caller: Caller, error: unknown): Promise<unknown> {
  if (!(error instanceof DbError) || error.sqlState !== 'P0001') return error;
  if (error.message !== 'UNAUTHENTICATED' && error.message !== 'FORBIDDEN' && !error.message.endsWith('_NOT_FOUND')) return error;
  const userId = caller.claims.sub;
  if (caller.role !== 'authenticated' || typeof userId !== 'string') return error;
  try {
    const reason = await app.db.rpc<string | null>('account_block_reason', { p_user: userId }, SERVICE);
    if (reason === 'password_change') return apiError('PASSWORD_CHANGE_REQUIRED');
    if (reason === 'disabled') return apiError('UNAUTHENTICATED');
    return error;
  } catch {
    // the original refusal stands
    return error;
  }
}
