// Staff login and account administration: the rules the screens show, as pure functions.
import type { LoginAccount, StaffAccount } from '@contract/accounts';
import { urlOf } from './routes';

/** Where a staff member goes after logging in (or 'change-password' first). */
export function pageAfterStaffLogin(account: Pick<LoginAccount, 'role' | 'mustChangePassword'>): 'change-password' | string {
  if (account.mustChangePassword) return 'change-password';
  if (account.role === 'manager' || account.role === 'admin') return urlOf('manageAccounts');
  if (account.role === 'staff') return urlOf('workToday');
  return urlOf('home');
}

export type PasswordProblem = 'too_short' | 'too_long' | 'needs_letters_and_digits' | 'contains_username' | 'same_as_current' | 'mismatch';

/**
 * The server's password rules (server/auth/passwords.ts), checked while typing so the person
 * learns what is wrong before sending. The server checks again (and also refuses the most
 * common passwords).
 */
export function newPasswordProblem(password: string, username: string, current: string, repeat: string): PasswordProblem | null {
  const length = [...password].length;
  if (length < 8) return 'too_short';
  if (length > 64) return 'too_long';
  if (!/[A-Za-z]/.test(password) || !/[0-9]/.test(password)) return 'needs_letters_and_digits';
  const name = username.trim().toLowerCase();
  if (name.length >= 3 && password.toLowerCase().includes(name)) return 'contains_username';
  if (password === current) return 'same_as_current';
  if (password !== repeat) return 'mismatch';
  return null;
}

export const PASSWORD_ADVICE: Record<PasswordProblem, string> = {
  too_short: '至少要8位',
  too_long: '最多64位',
  needs_letters_and_digits: '要同时有字母和数字',
  contains_username: '不能含有用户名',
  same_as_current: '不能和原来的密码一样',
  mismatch: '两次输入的新密码不一样',
};

export const ROLE_LABELS: Record<string, string> = {
  staff: '窗口人员',
  manager: '中心负责人',
  admin: '县管理员',
  agent: '代办员',
  resident: '居民',
};

/** 14:05 in Shanghai from an ISO instant with offset. */
function shanghaiClock(iso: string): string {
  const d = new Date(iso);
  const sh = new Date(d.getTime() + 8 * 3600_000);
  return `${String(sh.getUTCHours()).padStart(2, '0')}:${String(sh.getUTCMinutes()).padStart(2, '0')}`;
}

/** One short status per account, the most important first. */
export function accountStatus(a: Pick<StaffAccount, 'active' | 'mustChangePassword' | 'lockedUntil'>, now: Date): { text: string; tone: 'ok' | 'warn' | 'off' } {
  if (!a.active) return { text: '已停用', tone: 'off' };
  if (a.lockedUntil && new Date(a.lockedUntil).getTime() > now.getTime()) return { text: `密码输错太多，锁定到${shanghaiClock(a.lockedUntil)}`, tone: 'warn' };
  if (a.mustChangePassword) return { text: '等本人第一次登录改密码', tone: 'warn' };
  return { text: '正常', tone: 'ok' };
}

/** Roles the caller may give: admins all three, managers window staff only. */
export function assignableRoles(myRole: string): ('staff' | 'manager' | 'admin')[] {
  if (myRole === 'admin') return ['staff', 'manager', 'admin'];
  if (myRole === 'manager') return ['staff'];
  return [];
}

/** The username rule of the server (lower-case letter first, 3–32 of a–z 0–9 . _ -). */
export function usernameProblem(username: string): string | null {
  const u = username.trim().toLowerCase();
  if (u === '') return '请填写用户名';
  if (!/^[a-z][a-z0-9_.-]{2,31}$/.test(u)) return '用户名用字母开头，3到32位，只能有字母、数字和 . _ -';
  return null;
}

const AUDIT_ACTIONS: Record<string, string> = {
  'account.create': '新建账号',
  'account.update': '修改账号',
  'account.reset_password': '重置密码',
  'account.deactivate': '停用账号',
  'account.reactivate': '恢复账号',
  'account.password_change': '本人修改密码',
  'account.lock': '密码输错太多被锁定',
  'account.wechat_bind': '绑定微信',
  'account.wechat_unbind': '解除微信绑定',
};

/** 'account.create' → 新建账号; an action without a label shows as it is. */
export function auditActionLabel(action: string): string {
  return AUDIT_ACTIONS[action] ?? action;
}

/** '2026-12-01T09:15:00+08:00' → '2026年12月1日 09:15' (Shanghai). */
export function auditTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const sh = new Date(d.getTime() + 8 * 3600_000);
  return `${sh.getUTCFullYear()}年${sh.getUTCMonth() + 1}月${sh.getUTCDate()}日 ${shanghaiClock(iso)}`;
}
