import type { AccountWithPassword, CreateAccountRequest } from '@contract/accounts';
import { postWithLogin } from '@/platform/send';

/** POST /api/admin/accounts — a new account; the temporary password is in the answer, once. */
export function createAccount(body: CreateAccountRequest, idempotencyKey: string): Promise<AccountWithPassword> {
  return postWithLogin<AccountWithPassword>('/api/admin/accounts', body, idempotencyKey);
}
