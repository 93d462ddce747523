import type { StaffAccountList } from '@contract/accounts';
import { getWithLogin } from '@/platform/send';

/** GET /api/admin/accounts — the accounts the caller manages. */
export function fetchAccounts(): Promise<StaffAccountList> {
  return getWithLogin<StaffAccountList>('/api/admin/accounts');
}
