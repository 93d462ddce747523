// Account administration: admins manage the staff, managers and admins of their county;
// managers the window staff of their centre. The scope is checked by the database (security
// definer functions called as the caller); here: temporary passwords and their hashes.
import { createHash } from 'node:crypto';
import type { z } from 'zod';
import type { App } from '../app';
import { hashPassword, temporaryPassword } from '../auth/passwords';
import type { AccountWithPassword, AuditEntry, AuditPage, StaffAccount, StaffAccountList } from '../contract/accounts';
import type { Caller } from '../db/database';
import type { auditLogQuery, createAccountBody, updateAccountBody } from './account-requests';

export function listAccounts(app: App, caller: Caller, center: string | undefined, now: Date): Promise<StaffAccountList> {
  return app.db.rpc<StaffAccountList>('list_staff_accounts', { p_center: center ?? null, p_now: now.toISOString() }, caller);
}

export async function createAccount(
  app: App,
  caller: Caller,
  input: z.infer<typeof createAccountBody>,
  idempotencyKey: string,
  now: Date,
): Promise<AccountWithPassword> {
  const password = temporaryPassword();
  // the password is not part of the request: a retry is the same request
  const requestHash = createHash('sha256')
    .update(JSON.stringify({ u: input.username, n: input.displayName, r: input.role, c: input.centerId ?? null }))
    .digest('hex');
  const result = await app.db.rpc<{ account: StaffAccount; replayed: boolean }>(
    'create_staff_account',
    {
      p_username: input.username,
      p_display_name: input.displayName,
      p_role: input.role,
      p_center: input.centerId ?? null,
      p_password_hash: await hashPassword(password),
      p_now: now.toISOString(),
      p_idempotency_key: idempotencyKey,
      p_request_hash: requestHash,
    },
    caller,
  );
  // shown once: never stored, so a retry cannot repeat it
  return { account: result.account, temporaryPassword: result.replayed ? null : password };
}

export function updateAccount(app: App, caller: Caller, id: string, input: z.infer<typeof updateAccountBody>, now: Date): Promise<StaffAccount> {
  return app.db.rpc<StaffAccount>(
    'update_staff_account',
    {
      p_user: id,
      p_display_name: input.displayName ?? null,
      p_role: input.role ?? null,
      p_center: input.centerId ?? null,
      p_now: now.toISOString(),
    },
    caller,
  );
}

export async function resetPassword(app: App, caller: Caller, id: string, now: Date): Promise<AccountWithPassword> {
  const password = temporaryPassword();
  const account = await app.db.rpc<StaffAccount>(
    'reset_staff_password',
    { p_user: id, p_password_hash: await hashPassword(password), p_now: now.toISOString() },
    caller,
  );
  return { account, temporaryPassword: password };
}

export function setAccountActive(app: App, caller: Caller, id: string, active: boolean, now: Date): Promise<StaffAccount> {
  return app.db.rpc<StaffAccount>('set_staff_account_active', { p_user: id, p_active: active, p_now: now.toISOString() }, caller);
}

export async function auditLog(app: App, caller: Caller, query: z.infer<typeof auditLogQuery>): Promise<AuditPage> {
  const { rows } = await app.db.rpc<{ rows: AuditEntry[] }>(
    'list_audit_log',
    { p_before: query.before ?? null, p_action_prefix: query.action ?? null, p_limit: query.limit },
    caller,
  );
  return { rows, nextBefore: rows.length === query.limit ? rows[rows.length - 1]!.id : null };
}
