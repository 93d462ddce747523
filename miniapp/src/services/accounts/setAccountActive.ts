import type { StaffAccount } from '@contract/accounts';
import { postWithLogin } from '@/platform/send';

/** POST /api/admin/accounts/{id}/deactivate | reactivate */
export function setAccountActive(id: string, active: boolean): Promise<StaffAccount> {
  return postWithLogin<StaffAccount>(`/api/admin/accounts/${encodeURIComponent(id)}/${active ? 'reactivate' : 'deactivate'}`, {});
}
