import type { LoginResult } from '@contract/accounts';
import { sendJson } from '@/platform/send';

/** POST /api/auth/login — staff username + password. */
export function passwordLogin(username: string, password: string): Promise<LoginResult> {
  return sendJson<LoginResult>('POST', '/api/auth/login', { body: { username, password }, login: false });
}
