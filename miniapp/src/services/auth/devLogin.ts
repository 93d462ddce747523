import type { Session } from '@/platform/session';
import { sendJson } from '@/platform/send';

/** POST /api/auth/dev-login — a demo account by its login (local and demo servers only). */
export function devLogin(login: string): Promise<Session> {
  return sendJson<Session>('POST', '/api/auth/dev-login', { body: { login }, login: false });
}
