// One-tap WeChat login for staff: a logged-in staff account binds the WeChat of the phone it is
// on (wx.login code → openid), then `POST /api/auth/wechat { code, as: 'staff' }` logs in as it.
// The binding lives with the staff credentials, apart from users.wechat_openid, so the same
// person's resident account (their own bookings) stays as it is and reachable.
import type { App } from '../app';
import type { LoginAccount, StaffAccount } from '../contract/accounts';
import type { Caller } from '../db/database';
import { apiError } from '../core/errors';
import { wechatClient } from '../wechat/client';
import { issueToken, SERVICE } from './tokens';

function userOf(caller: Caller): string {
  const userId = caller.claims.sub;
  if (caller.role !== 'authenticated' || typeof userId !== 'string') throw apiError('UNAUTHENTICATED');
  return userId;
}

export async function staffWechatLogin(app: App, openid: string, now: Date): Promise<{ token: string; account: LoginAccount }> {
  const account = await app.db.rpc<LoginAccount>('staff_login_wechat', { p_openid: openid, p_now: now.toISOString() }, SERVICE);
  return { token: await issueToken(app.config.authSecret, account, now), account };
}

export async function bindWechat(app: App, caller: Caller, code: string, now: Date): Promise<StaffAccount> {
  const userId = userOf(caller);
  const { openid } = await wechatClient(app).jscode2session(code);
  return app.db.rpc<StaffAccount>('bind_staff_wechat', { p_user: userId, p_openid: openid, p_now: now.toISOString() }, SERVICE);
}

export async function unbindWechat(app: App, caller: Caller, now: Date): Promise<StaffAccount> {
  return app.db.rpc<StaffAccount>('unbind_staff_wechat', { p_user: userOf(caller), p_now: now.toISOString() }, SERVICE);
}
