import type { AccountWithPassword } from '@contract/accounts';
import { postWithLogin } from '@/platform/send';

/** POST /api/admin/accounts/{id}/reset-password — a new temporary password. */
export function resetAccountPassword(id: string): Promise<AccountWithPassword> {
  return postWithLogin<AccountWithPassword>(`/api/admin/accounts/${encodeURIComponent(id)}/reset-password`, {});
}
