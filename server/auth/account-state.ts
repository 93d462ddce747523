// Why the database refused a logged-in caller. The database treats an account that must change
// its password as not active (app.current_account()), so every function refuses it with
// UNAUTHENTICATED or FORBIDDEN; this turns that refusal into PASSWORD_CHANGE_REQUIRED, which
// tells the client to open the change-password step instead of the login.
import type { App } from '../app';
import { type Caller, DbError } from '../db/database';
import { apiError } from '../http/errors';
import { SERVICE } from './tokens';

export async function explainRefusal(app: App, caller: Caller, error: unknown): Promise<unknown> {
  if (!(error instanceof DbError) || error.sqlState !== 'P0001') return error;
  if (error.message !== 'UNAUTHENTICATED' && error.message !== 'FORBIDDEN') return error;
  const userId = caller.claims.sub;
  if (caller.role !== 'authenticated' || typeof userId !== 'string') return error;
  try {
    const reason = await app.db.rpc<string | null>('account_block_reason', { p_user: userId }, SERVICE);
    return reason === 'password_change' ? apiError('PASSWORD_CHANGE_REQUIRED') : error;
  } catch {
    // the original refusal stands
    return error;
  }
}
