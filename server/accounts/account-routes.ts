// Staff account administration and the audit log over HTTP (admins their county, managers the
// window staff of their centre: scope is checked by the database), and (server/auth/auth-routes)
// the logins and the caller's own account.
import { authOperations } from '../auth/auth-routes';
import { accountWithPassword, auditPage, staffAccount, staffAccountList } from '../contract/accounts';
import { idempotencyKey, jsonBody, queryObject, requireLogin, uuidParam, validate } from '../http/handler';
import { type Operation, operation } from '../http/operation';
import { accountListQuery, auditLogQuery, createAccountBody, updateAccountBody } from './account-requests';
import { auditLog, createAccount, listAccounts, resetPassword, setAccountActive, updateAccount } from './account-service';

const notInScope = "no such staff account in the caller's scope";

export const accountOperations: Operation[] = [
  operation({
    method: 'get',
    path: '/api/admin/accounts',
    operationId: 'listStaffAccounts',
    tags: ['accounts'],
    summary: 'Admin: staff accounts · 账号管理',
    description:
      'Admins: every staff, manager and admin account of their county; managers: the window staff of their centre. Active first, by centre and name. No password hash, no openid.',
    auth: 'required',
    query: { schema: accountListQuery, describe: { center: 'only the accounts of this centre' } },
    ok: { status: 200, description: 'the accounts', schema: staffAccountList },
    errors: { FORBIDDEN: 'not an admin or a manager', PASSWORD_CHANGE_REQUIRED: null },
    handle: async (ctx) => {
      const caller = requireLogin(ctx);
      const { center } = validate(accountListQuery, queryObject(ctx.req));
      return { body: await listAccounts(ctx.app, caller, center, ctx.now) };
    },
  }),
  operation({
    method: 'post',
    path: '/api/admin/accounts',
    operationId: 'createStaffAccount',
    tags: ['accounts'],
    summary: 'Admin: create an account · 新建账号',
    description: [
      'Admins create staff (`centerId` of a centre in their county), managers (same) and admins (no centre, their county); managers create window staff of their own centre (`centerId` may be left out). The answer carries a temporary password, shown once and never stored in clear: the person must change it at the first login. Audited (`account.create`).',
      'Requires `Idempotency-Key`: a retry answers the account again with `temporaryPassword: null`.',
    ].join('\n\n'),
    auth: 'required',
    idempotent: true,
    body: { schema: createAccountBody, name: 'CreateAccountRequest', required: true },
    ok: { status: 201, description: 'created', schema: accountWithPassword },
    errors: {
      FORBIDDEN: "not an admin or a manager, or the role or centre is outside the caller's scope",
      PASSWORD_CHANGE_REQUIRED: null,
      USERNAME_TAKEN: 'the username is in use (in any county)',
      INVALID_ROLE: 'an admin with a centre',
      CENTER_REQUIRED: 'staff or a manager without a centre',
      CENTER_NOT_FOUND: 'no active centre has this id',
    },
    handle: async (ctx) => {
      const caller = requireLogin(ctx);
      const key = idempotencyKey(ctx.req);
      const input = validate(createAccountBody, jsonBody(ctx.req));
      return { status: 201, body: await createAccount(ctx.app, caller, input, key, ctx.now) };
    },
  }),
  operation({
    method: 'post',
    path: '/api/admin/accounts/{id}',
    operationId: 'updateStaffAccount',
    tags: ['accounts'],
    summary: 'Admin: edit an account · 修改账号',
    description:
      "Changes the name, role or centre of an account the caller manages; the new role and centre must be in the caller's scope too (a manager can only rename their window staff). Nobody changes their own role or centre. Audited (`account.update`).",
    auth: 'required',
    pathId: 'the account (user id)',
    body: { schema: updateAccountBody, name: 'UpdateAccountRequest', required: true },
    ok: { status: 200, description: 'the account', schema: staffAccount },
    errors: {
      FORBIDDEN: 'not an admin or a manager, or the new role or centre is outside the scope',
      PASSWORD_CHANGE_REQUIRED: null,
      ACCOUNT_NOT_FOUND: notInScope,
      INVALID_ROLE: null,
      CENTER_REQUIRED: null,
      CENTER_NOT_FOUND: null,
      CANNOT_CHANGE_OWN_ACCOUNT: "changing one's own role or centre",
    },
    handle: async (ctx) => {
      const caller = requireLogin(ctx);
      const id = uuidParam(ctx.req);
      return { body: await updateAccount(ctx.app, caller, id, validate(updateAccountBody, jsonBody(ctx.req)), ctx.now) };
    },
  }),
  operation({
    method: 'post',
    path: '/api/admin/accounts/{id}/reset-password',
    operationId: 'resetStaffPassword',
    tags: ['accounts'],
    summary: 'Admin: reset a password · 重置密码',
    description:
      'A new temporary password (shown once), the change forced at the next login, the lock lifted and the WeChat binding removed (a reset is also how a lost phone is handled). Every reset makes a new password, so no Idempotency-Key is needed. Audited (`account.reset_password`).',
    auth: 'required',
    pathId: 'the account (user id)',
    ok: { status: 200, description: 'the account and its temporary password', schema: accountWithPassword },
    errors: {
      FORBIDDEN: 'not an admin or a manager',
      PASSWORD_CHANGE_REQUIRED: null,
      ACCOUNT_NOT_FOUND: notInScope,
      CANNOT_CHANGE_OWN_ACCOUNT: "one's own password is changed with POST /api/auth/password",
    },
    handle: async (ctx) => ({ body: await resetPassword(ctx.app, requireLogin(ctx), uuidParam(ctx.req), ctx.now) }),
  }),
  operation({
    method: 'post',
    path: '/api/admin/accounts/{id}/deactivate',
    operationId: 'deactivateStaffAccount',
    tags: ['accounts'],
    summary: 'Admin: deactivate · 停用账号',
    description:
      "Stops the account at once: the database checks `active` on every call, so its tokens are refused from the next request. Deactivating a deactivated account answers it again. Not one's own. Audited (`account.deactivate`).",
    auth: 'required',
    pathId: 'the account (user id)',
    ok: { status: 200, description: 'the account, `active: false`', schema: staffAccount },
    errors: { FORBIDDEN: 'not an admin or a manager', PASSWORD_CHANGE_REQUIRED: null, ACCOUNT_NOT_FOUND: notInScope, CANNOT_CHANGE_OWN_ACCOUNT: null },
    handle: async (ctx) => ({ body: await setAccountActive(ctx.app, requireLogin(ctx), uuidParam(ctx.req), false, ctx.now) }),
  }),
  operation({
    method: 'post',
    path: '/api/admin/accounts/{id}/reactivate',
    operationId: 'reactivateStaffAccount',
    tags: ['accounts'],
    summary: 'Admin: reactivate · 恢复账号',
    description: 'Lets a deactivated account log in again (its password is unchanged). Audited (`account.reactivate`).',
    auth: 'required',
    pathId: 'the account (user id)',
    ok: { status: 200, description: 'the account, `active: true`', schema: staffAccount },
    errors: { FORBIDDEN: 'not an admin or a manager', PASSWORD_CHANGE_REQUIRED: null, ACCOUNT_NOT_FOUND: notInScope, CANNOT_CHANGE_OWN_ACCOUNT: null },
    handle: async (ctx) => ({ body: await setAccountActive(ctx.app, requireLogin(ctx), uuidParam(ctx.req), true, ctx.now) }),
  }),
  operation({
    method: 'get',
    path: '/api/admin/audit-log',
    operationId: 'listAuditLog',
    tags: ['accounts'],
    summary: 'Admin: audit log · 操作记录',
    description:
      "Who changed what, newest first, 1–100 rows a page: admins see their county's log, managers their centre's. `before` (the last row's id, or `nextBefore`) pages back; `action` filters by prefix (`account.`).",
    auth: 'required',
    query: {
      schema: auditLogQuery,
      describe: { before: 'only rows older than this id', action: 'action prefix, e.g. `account.`', limit: 'page size, 1–100 (default 30)' },
    },
    ok: { status: 200, description: 'one page', schema: auditPage },
    errors: { FORBIDDEN: 'not an admin or a manager', PASSWORD_CHANGE_REQUIRED: null },
    handle: async (ctx) => {
      const caller = requireLogin(ctx);
      return { body: await auditLog(ctx.app, caller, validate(auditLogQuery, queryObject(ctx.req))) };
    },
  }),
  ...authOperations,
];
