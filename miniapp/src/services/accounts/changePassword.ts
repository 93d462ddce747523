import type { LoginAccount } from '@contract/accounts';
import { sendJson } from '@/platform/send';

/** POST /api/auth/password — the logged-in staff member's own password. */
export function changePassword(currentPassword: string, newPassword: string): Promise<{ account: LoginAccount }> {
  return sendJson<{ account: LoginAccount }>('POST', '/api/auth/password', { body: { currentPassword, newPassword } });
}
