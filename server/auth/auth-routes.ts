// Logging in (development, WeChat, staff password), the staff password change and WeChat
// binding, the phone number from WeChat, and the caller's own account, over HTTP. The logins
// need no token: whatever old token a client still sends is ignored (../http/handler callerOf).
import { changePasswordBody, passwordLoginBody } from '../accounts/account-requests';
import { changedPassword, myAccount, phoneResult, residentLoginResult, staffAccount, staffLoginResult } from '../contract/accounts';
import { jsonBody, requireLogin, validate } from '../http/handler';
import { type Operation, operation } from '../http/operation';
import { assertDevLoginAllowed, devLogin, devLoginBody } from './dev-login';
import { changePassword, passwordLogin } from './password-login';
import { TOKEN_TTL_SECONDS } from './tokens';
import { bindWechat, unbindWechat } from './wechat-binding';
import { saveWechatPhone, wechatLogin, wechatLoginBody, wechatPhoneBody } from './wechat-login';

const TTL_DAYS = TOKEN_TTL_SECONDS / 86400;

export const authOperations: Operation[] = [
  operation({
    method: 'post',
    path: '/api/auth/dev-login',
    operationId: 'devLogin',
    tags: ['auth'],
    summary: 'Development login · 演示登录',
    description: `Development and tests only, refused in production: log in as a demo account by its login name, or create a new resident with that name (and a linked person of the same name). Answers our own signed token, valid ${TTL_DAYS} days, and the account.`,
    auth: 'none',
    body: { schema: devLoginBody, name: 'DevLoginRequest', required: true },
    ok: { status: 200, description: 'logged in', schema: residentLoginResult },
    errors: {
      DEV_LOGIN_DISABLED: 'the server runs in production mode (`APP_MODE=production`)',
      ACCOUNT_DISABLED: 'the account has been deactivated',
    },
    handle: async ({ req, app, now }) => {
      assertDevLoginAllowed(app);
      return { body: await devLogin(app, validate(devLoginBody, jsonBody(req)), now) };
    },
  }),
  operation({
    method: 'post',
    path: '/api/auth/wechat',
    operationId: 'wechatLogin',
    tags: ['auth'],
    summary: 'WeChat login · 微信登录',
    description: [
      `The mini-program sends the code of \`wx.login\`; the server exchanges it with WeChat (jscode2session) for the user's openid and answers our own signed token, valid ${TTL_DAYS} days, and the account. The first login creates a resident (named \`displayName\`, default 微信用户) with a linked person; later logins of the same WeChat user find the same account.`,
      "WeChat's session_key is never answered, stored or logged. An old token sent along is ignored.",
    ].join('\n\n'),
    auth: 'none',
    body: { schema: wechatLoginBody, name: 'WechatLoginRequest', required: true },
    ok: { status: 200, description: 'logged in', schema: residentLoginResult },
    errors: {
      WECHAT_CODE_INVALID: 'WeChat refused the code (40029 invalid, 40163 already used): call wx.login again',
      WECHAT_RATE_LIMITED: 'WeChat rate limit (45011): try again in a minute',
      WECHAT_USER_BLOCKED: 'WeChat blocks this user from logging in (40226)',
      WECHAT_NOT_BOUND: "`as: 'staff'`: no staff account has this WeChat bound (POST /api/auth/wechat/bind)",
      ACCOUNT_DISABLED: 'the account has been deactivated',
      WECHAT_NOT_CONFIGURED: 'the server has no WeChat AppID and secret (WECHAT_APPID, WECHAT_SECRET)',
      WECHAT_UNAVAILABLE: 'WeChat did not answer in time, answered an error the resident cannot act on, or is busy (-1); logged with its errcode',
    },
    handle: async ({ req, app, now }) => ({ body: await wechatLogin(app, validate(wechatLoginBody, jsonBody(req)), now) }),
  }),
  operation({
    method: 'post',
    path: '/api/auth/wechat/phone',
    operationId: 'saveWechatPhone',
    tags: ['auth'],
    summary: 'Phone number from WeChat · 获取手机号',
    description: [
      "With the code of `<Button openType=\"getPhoneNumber\">` (`e.detail.code`, given only when the user agrees), the server asks WeChat (getuserphonenumber) for the number, stores it encrypted (AES-256-GCM) for the caller's own person, replacing an earlier one, and answers it masked. /api/me shows it masked too; no answer ever shows the full number.",
      "The server's WeChat access_token is shared by every instance through one database row and refreshed before it expires; when WeChat refuses it (40001, 42001) the server refreshes it once and retries.",
    ].join('\n\n'),
    auth: 'required',
    body: { schema: wechatPhoneBody, name: 'WechatPhoneRequest', required: true },
    ok: { status: 200, description: 'the number, masked', schema: phoneResult },
    errors: {
      UNAUTHENTICATED: 'no valid token, or the account has been deactivated',
      PASSWORD_CHANGE_REQUIRED: null,
      WECHAT_PHONE_CODE_INVALID: 'WeChat refused the code (40029): tap the button again',
      WECHAT_RATE_LIMITED: 'WeChat rate limit (45011): try again in a minute',
      WECHAT_USER_BLOCKED: 'WeChat blocks this user (40226)',
      WECHAT_NOT_CONFIGURED: 'the server has no WeChat AppID and secret',
      WECHAT_UNAVAILABLE: 'WeChat did not answer in time or answered an error (also a second 40001/42001 after the refresh); logged with its errcode',
    },
    handle: async (ctx) => {
      const caller = requireLogin(ctx);
      const { code } = validate(wechatPhoneBody, jsonBody(ctx.req));
      return { body: await saveWechatPhone(ctx.app, caller, code, ctx.now) };
    },
  }),
  operation({
    method: 'get',
    path: '/api/me',
    operationId: 'getMe',
    tags: ['auth'],
    summary: 'My account · 我的账号',
    description:
      'The account behind the token, read from the database (a role change or a deactivation applies at once), and the people the caller may book for.',
    auth: 'required',
    ok: { status: 200, description: 'the account', schema: myAccount },
    errors: { UNAUTHENTICATED: 'no valid token, or the account has been deactivated', PASSWORD_CHANGE_REQUIRED: null },
    handle: async (ctx) => ({ body: await ctx.app.db.rpc('my_account', {}, requireLogin(ctx)) }),
  }),
  operation({
    method: 'post',
    path: '/api/auth/login',
    operationId: 'passwordLogin',
    tags: ['auth'],
    summary: 'Staff login · 工作人员登录',
    description: [
      'Window staff, managers and admins log in with the username an administrator gave them and their password. A new account (or one whose password was reset) answers `mustChangePassword: true`: until `POST /api/auth/password`, every other route refuses it with 403 `PASSWORD_CHANGE_REQUIRED` (enforced by the database).',
      "5 wrong passwords in a row lock the username for 15 minutes (429 `ACCOUNT_LOCKED`, `details.minutes`); an administrator's reset unlocks it. Unknown usernames are answered, counted and locked exactly like known ones, so the answer never tells whether a username exists.",
    ].join('\n\n'),
    auth: 'none',
    body: { schema: passwordLoginBody, name: 'PasswordLoginRequest', required: true },
    ok: { status: 200, description: 'logged in', schema: staffLoginResult },
    errors: {
      LOGIN_FAILED: 'wrong username or password; `details.remaining` attempts before the lock',
      ACCOUNT_LOCKED: 'too many wrong passwords: locked for `details.minutes`',
      ACCOUNT_DISABLED: 'right password, but the account has been deactivated',
    },
    handle: async ({ req, app, now }) => ({ body: await passwordLogin(app, validate(passwordLoginBody, jsonBody(req)), now) }),
  }),
  operation({
    method: 'post',
    path: '/api/auth/password',
    operationId: 'changePassword',
    tags: ['auth'],
    summary: 'Change my password · 修改密码',
    description:
      'The logged-in staff account changes its password with the current (or temporary) one. The only route an account that must change its password may use. New password: 8–64 characters, letters and digits, not containing the username, not one of the most common, not the current one. Residents (no password) are refused as 401.',
    auth: 'required',
    body: { schema: changePasswordBody, name: 'ChangePasswordRequest', required: true },
    ok: { status: 200, description: 'changed; the account is active everywhere from now on', schema: changedPassword },
    errors: {
      UNAUTHENTICATED: 'no valid token, a deactivated account, or an account without a password (a resident)',
      WRONG_PASSWORD: '`currentPassword` is not the current password',
      PASSWORD_TOO_WEAK: '`details.reason`: too_short, too_long, needs_letters_and_digits, contains_username, too_common, same_as_current',
    },
    handle: async (ctx) => {
      const caller = requireLogin(ctx);
      return { body: await changePassword(ctx.app, caller, validate(changePasswordBody, jsonBody(ctx.req)), ctx.now) };
    },
  }),
  operation({
    method: 'post',
    path: '/api/auth/wechat/bind',
    operationId: 'bindStaffWechat',
    tags: ['auth'],
    summary: 'Staff: bind this WeChat · 绑定微信',
    description:
      "A logged-in staff account binds the WeChat of the phone it is on (the code of `wx.login`); then `POST /api/auth/wechat { code, as: 'staff' }` logs in as this account in one tap. Binding again with the same WeChat answers the account again; a new WeChat replaces the old one. The person's resident account on the same WeChat is not touched. An administrator's password reset removes the binding.",
    auth: 'required',
    body: { schema: wechatPhoneBody, name: 'WechatPhoneRequest', required: true },
    ok: { status: 200, description: 'the account, `wechatBound: true`', schema: staffAccount },
    errors: {
      FORBIDDEN: 'not a staff account (residents log in with WeChat already), or deactivated',
      PASSWORD_CHANGE_REQUIRED: 'change the temporary password first',
      WECHAT_ALREADY_BOUND: 'this WeChat is bound to another staff account',
      WECHAT_CODE_INVALID: 'WeChat refused the code: call wx.login again',
      WECHAT_RATE_LIMITED: null,
      WECHAT_USER_BLOCKED: null,
      WECHAT_NOT_CONFIGURED: null,
      WECHAT_UNAVAILABLE: null,
    },
    handle: async (ctx) => {
      const caller = requireLogin(ctx);
      const { code } = validate(wechatPhoneBody, jsonBody(ctx.req));
      return { body: await bindWechat(ctx.app, caller, code, ctx.now) };
    },
  }),
  operation({
    method: 'post',
    path: '/api/auth/wechat/unbind',
    operationId: 'unbindStaffWechat',
    tags: ['auth'],
    summary: 'Staff: unbind WeChat · 解除微信绑定',
    description: 'Removes the WeChat binding of the logged-in staff account (nothing to remove answers the account as it is).',
    auth: 'required',
    ok: { status: 200, description: 'the account, `wechatBound: false`', schema: staffAccount },
    errors: {
      FORBIDDEN: 'not a staff account, or deactivated',
      PASSWORD_CHANGE_REQUIRED: 'change the temporary password first',
    },
    handle: async (ctx) => ({ body: await unbindWechat(ctx.app, requireLogin(ctx), ctx.now) }),
  }),
];
