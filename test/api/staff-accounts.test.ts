// Staff accounts over HTTP: password login, lockout (with the server's clock moved on), the
// forced first change, administration (create, list, edit, reset, deactivate, reactivate) with
// its denials, WeChat binding against the fake WeChat server, the audit log and the
// first-admin command.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createFirstAdmin, parseFlags } from '../../server/accounts/bootstrap-admin';
import type { AccountWithPassword, AuditPage, LoginResult, StaffAccount, StaffAccountList } from '../../server/contract/accounts';
import { centerId } from '../../supabase/seed/generate';
import { DEMO_STAFF_PASSWORD } from '../../supabase/seed/data/accounts';
import { type RunningApi, startApi } from '../support/api-server';
import { createTestDatabase, describeBackend, type TestDatabase } from '../support/database';
import { type FakeWechat, startFakeWechat } from '../support/fake-wechat';

const START = new Date('2026-12-01T01:00:00Z'); // Tuesday 09:00 in Shanghai
let clock = START;
let t: TestDatabase;
let api: RunningApi;
let wx: FakeWechat;
const printed: string[] = [];
const SHAHE = centerId('shahe');
const OTHER = centerId('zhengzhi');

type ErrorBody = { error: { code: string; message: string; fields?: Record<string, string>; details?: Record<string, unknown> } };
let keyN = 0;
const key = () => `test-key-${++keyN}-${Date.now()}`;

beforeAll(async () => {
  console.info(`staff account API tests on ${describeBackend()}`);
  for (const method of ['error', 'log', 'warn'] as const) {
    jest.spyOn(console, method).mockImplementation((...args: unknown[]) => void printed.push(args.map(String).join(' ')));
  }
  t = await createTestDatabase();
  wx = await startFakeWechat();
  api = await startApi(t.db, { WECHAT_APPID: wx.appid, WECHAT_SECRET: wx.secret, WECHAT_API_BASE: wx.url, WECHAT_TIMEOUT_MS: '1000' }, () => clock);
});
afterAll(async () => {
  await api?.close();
  await wx?.close();
  await t?.drop();
  jest.restoreAllMocks();
});

const passwordLogin = (username: string, password: string) =>
  api.call<LoginResult & ErrorBody>('POST', '/api/auth/login', { body: { username, password } });
async function loggedIn(username: string, password: string): Promise<LoginResult> {
  const res = await passwordLogin(username, password);
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}
const create = (token: string, body: unknown, idempotencyKey = key()) =>
  api.call<AccountWithPassword & ErrorBody>('POST', '/api/admin/accounts', { token, body, idempotencyKey });
const changePassword = (token: string, currentPassword: string, newPassword: string) =>
  api.call<{ account: LoginResult['account'] } & ErrorBody>('POST', '/api/auth/password', { token, body: { currentPassword, newPassword } });

describe('password login', () => {
  it('logs a demo staff member in with username and password; the token works at once', async () => {
    const res = await passwordLogin('zhoumin', DEMO_STAFF_PASSWORD);
    expect(res.status).toBe(200);
    expect(res.body.account).toEqual({ id: expect.any(String), role: 'staff', displayName: '周敏', centerId: SHAHE, countyCode: '511922', mustChangePassword: false });
    const me = await api.call('GET', '/api/me', { token: res.body.token });
    expect(me.status).toBe(200);
    // the username is case-insensitive, spaces trimmed
    expect((await passwordLogin('  ZhouMin ', DEMO_STAFF_PASSWORD)).status).toBe(200);
  });

  it('answers a wrong password and an unknown username the same way', async () => {
    const wrong = await passwordLogin('liujun', 'not-it-123');
    const unknown = await passwordLogin('nobody-here', 'not-it-123');
    expect(wrong.status).toBe(400);
    expect(unknown.status).toBe(400);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.body.error).toMatchObject({ code: 'LOGIN_FAILED', details: { remaining: 4 } });
    expect(wrong.body.error.message).toBe('用户名或密码不对，请重新输入');
    await loggedIn('liujun', DEMO_STAFF_PASSWORD); // a success resets the count
  });

  it('refuses bad input with field messages, not a stack trace', async () => {
    const res = await api.call<ErrorBody>('POST', '/api/auth/login', { body: { username: '' } });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(Object.keys(res.body.error.fields!).sort()).toEqual(['password', 'username']);
  });

  it('locks a name for 15 minutes after 5 wrong passwords, with a clear message, and unlocks after', async () => {
    const admin = await loggedIn('admin', DEMO_STAFF_PASSWORD);
    const made = await create(admin.token, { username: 'lock-me', displayName: '锁定测试', role: 'staff', centerId: SHAHE });
    expect(made.status).toBe(201);
    const temp = made.body.temporaryPassword!;
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push(await passwordLogin('lock-me', `wrong-${i}-pass`));
    expect(answers.slice(0, 4).map((a) => a.body.error.details?.remaining)).toEqual([4, 3, 2, 1]);
    expect(answers[2]!.body.error.message).toBe('用户名或密码不对，请重新输入（再错2次，账号将暂时锁定）');
    expect(answers[4]!.status).toBe(429);
    expect(answers[4]!.body.error).toEqual({
      code: 'ACCOUNT_LOCKED',
      message: '密码连续输错次数太多，账号已暂时锁定，请15分钟后再试，或请管理员重置密码',
      details: { minutes: 15 },
    });
    // even the right password is refused while locked; the minutes count down
    clock = new Date(START.getTime() + 10 * 60_000 + 1000);
    const during = await passwordLogin('lock-me', temp);
    expect(during.status).toBe(429);
    expect(during.body.error.details).toEqual({ minutes: 5 });
    const list = await api.call<StaffAccountList>('GET', `/api/admin/accounts?center=${SHAHE}`, { token: admin.token });
    expect(list.body.rows.find((r) => r.username === 'lock-me')!.lockedUntil).toBe('2026-12-01T09:15:00+08:00');
    // after 15 minutes the right password works
    clock = new Date(START.getTime() + 15 * 60_000 + 1000);
    expect((await passwordLogin('lock-me', temp)).status).toBe(200);
    clock = START;
  });

  it('locks unknown usernames exactly like real ones (no way to tell which exist)', async () => {
    for (let i = 0; i < 4; i++) expect((await passwordLogin('ghost-user', 'wrong-pass-1')).status).toBe(400);
    const fifth = await passwordLogin('ghost-user', 'wrong-pass-1');
    expect(fifth.status).toBe(429);
    expect(fifth.body.error.details).toEqual({ minutes: 15 });
  });

  it('never prints a password', () => {
    expect(printed.join('\n')).not.toMatch(/bmfw2026|wrong-\d-pass|not-it-123/);
  });
});

describe('administration and the forced first change', () => {
  let admin: LoginResult;
  let manager: LoginResult;
  let staffId: string;
  let temp: string;

  beforeAll(async () => {
    admin = await loggedIn('admin', DEMO_STAFF_PASSWORD);
    manager = await loggedIn('liujun', DEMO_STAFF_PASSWORD);
  });

  it('an admin creates a staff account and gets a temporary password once', async () => {
    const k = key();
    const res = await create(admin.token, { username: 'Wangfang', displayName: '王芳', role: 'staff', centerId: SHAHE }, k);
    expect(res.status).toBe(201);
    expect(res.body.temporaryPassword).toMatch(/^[a-z2-9]{10}$/);
    expect(res.body.account).toMatchObject({
      username: 'wangfang', displayName: '王芳', role: 'staff', centerId: SHAHE, centerName: expect.stringContaining('沙河'),
      countyCode: '511922', active: true, mustChangePassword: true, wechatBound: false, lockedUntil: null,
    });
    expect(JSON.stringify(res.body.account)).not.toMatch(/scrypt|hash|openid/i);
    staffId = res.body.account.id;
    temp = res.body.temporaryPassword!;
    // a retry of the same request: the same account, the password is not shown again
    const retry = await create(admin.token, { username: 'Wangfang', displayName: '王芳', role: 'staff', centerId: SHAHE }, k);
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual({ account: expect.objectContaining({ id: staffId }), temporaryPassword: null });
    // the same key for another request
    const reused = await create(admin.token, { username: 'other-name', displayName: '王芳', role: 'staff', centerId: SHAHE }, k);
    expect(reused.status).toBe(422);
    expect(reused.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    // the temporary password is nowhere in the database in clear
    const rows = await t.db.query<{ n: number }>(`select count(*)::int as n from staff_credentials where password_hash like '%' || $1 || '%'`, [temp]);
    expect(rows[0]!.n).toBe(0);
  });

  it('refuses a taken username, a bad role or placement, and input it cannot read', async () => {
    const taken = await create(admin.token, { username: 'zhoumin', displayName: '重名', role: 'staff', centerId: SHAHE });
    expect([taken.status, taken.body.error.code]).toEqual([409, 'USERNAME_TAKEN']);
    const noCenter = await create(admin.token, { username: 'no-centre', displayName: '无中心', role: 'manager' });
    expect([noCenter.status, noCenter.body.error.code]).toEqual([422, 'CENTER_REQUIRED']);
    const adminWithCenter = await create(admin.token, { username: 'adm-centre', displayName: '管理员', role: 'admin', centerId: SHAHE });
    expect([adminWithCenter.status, adminWithCenter.body.error.code]).toEqual([422, 'INVALID_ROLE']);
    const bad = await create(admin.token, { username: '1x', displayName: '', role: 'boss' });
    expect(bad.status).toBe(422);
    expect(Object.keys(bad.body.error.fields!).sort()).toEqual(['displayName', 'role', 'username']);
    const noKey = await api.call<ErrorBody>('POST', '/api/admin/accounts', { token: admin.token, body: { username: 'nokey1', displayName: 'x', role: 'staff', centerId: SHAHE } });
    expect(noKey.body.error.code).toBe('IDEMPOTENCY_KEY_REQUIRED');
  });

  it('the new account can do nothing but change its password', async () => {
    const first = await loggedIn('wangfang', temp);
    expect(first.account.mustChangePassword).toBe(true);
    for (const [method, p] of [['GET', '/api/me'], ['GET', '/api/bookings/verify?code=ABCDEFGH'], ['GET', '/api/bookings'], ['POST', '/api/tickets']] as const) {
      const res = await api.call<ErrorBody>(method, p, { token: first.token, body: method === 'POST' ? {} : undefined });
      expect([p, res.status, res.body.error?.code]).toEqual([p, 403, 'PASSWORD_CHANGE_REQUIRED']);
    }
    // the database itself: the account is not an active account yet
    const direct = t.db.rpc('my_account', {}, { role: 'authenticated', claims: { sub: first.account.id } });
    await expect(direct).rejects.toMatchObject({ message: 'UNAUTHENTICATED' });

    expect((await changePassword(first.token, 'not-the-temp1', 'shahe2026go')).body.error.code).toBe('WRONG_PASSWORD');
    const weak = await changePassword(first.token, temp, 'wangfang99');
    expect(weak.status).toBe(422);
    expect(weak.body.error).toMatchObject({ code: 'PASSWORD_TOO_WEAK', message: '密码里不能有用户名', details: { reason: 'contains_username' } });
    expect((await changePassword(first.token, temp, 'abcdefgh')).body.error.message).toBe('密码要同时有字母和数字');
    expect((await changePassword(first.token, temp, temp)).body.error.details).toEqual({ reason: 'same_as_current' });

    const ok = await changePassword(first.token, temp, 'shahe2026go');
    expect(ok.status).toBe(200);
    expect(ok.body.account).toMatchObject({ id: staffId, mustChangePassword: false });
    // the same token now works
    expect((await api.call('GET', '/api/me', { token: first.token })).status).toBe(200);
    expect((await passwordLogin('wangfang', temp)).status).toBe(400);
    expect((await loggedIn('wangfang', 'shahe2026go')).account.mustChangePassword).toBe(false);
  });

  it('a resident has no password to change', async () => {
    const resident = await api.login('resident');
    const res = await changePassword(resident, 'whatever1', 'shahe2026go');
    expect([res.status, res.body.error.code]).toEqual([401, 'UNAUTHENTICATED']);
  });

  it('lists accounts by scope: the admin sees the county, the manager their window staff', async () => {
    const all = await api.call<StaffAccountList>('GET', '/api/admin/accounts', { token: admin.token });
    expect(all.status).toBe(200);
    expect(all.body.rows.map((r) => r.username)).toEqual(expect.arrayContaining(['admin', 'liujun', 'zhoumin', 'wangfang']));
    const mine = await api.call<StaffAccountList>('GET', '/api/admin/accounts', { token: manager.token });
    expect(mine.body.rows.every((r) => r.role === 'staff' && r.centerId === SHAHE)).toBe(true);
    expect(mine.body.rows.map((r) => r.username)).toEqual(expect.arrayContaining(['zhoumin', 'wangfang']));
    const staff = await loggedIn('zhoumin', DEMO_STAFF_PASSWORD);
    const refused = await api.call<ErrorBody>('GET', '/api/admin/accounts', { token: staff.token });
    expect([refused.status, refused.body.error.code]).toEqual([403, 'FORBIDDEN']);
    expect((await api.call('GET', '/api/admin/accounts')).status).toBe(401);
  });

  it('a manager creates window staff of their own centre only', async () => {
    const ok = await create(manager.token, { username: 'chenli', displayName: '陈丽', role: 'staff' });
    expect(ok.status).toBe(201);
    expect(ok.body.account.centerId).toBe(SHAHE);
    const otherCentre = await create(manager.token, { username: 'chenli2', displayName: '陈丽', role: 'staff', centerId: OTHER });
    expect([otherCentre.status, otherCentre.body.error.code]).toEqual([403, 'FORBIDDEN']);
    const aManager = await create(manager.token, { username: 'chenli3', displayName: '陈丽', role: 'manager', centerId: SHAHE });
    expect([aManager.status, aManager.body.error.code]).toEqual([403, 'FORBIDDEN']);
    // and cannot touch a manager or an account of another centre: as if it did not exist
    const adminMade = await create(admin.token, { username: 'other-staff', displayName: '他中心', role: 'staff', centerId: OTHER });
    for (const target of [adminMade.body.account.id, manager.account.id]) {
      const res = await api.call<ErrorBody>('POST', `/api/admin/accounts/${target}/deactivate`, { token: manager.token });
      expect([res.status, res.body.error.code]).toEqual([404, 'ACCOUNT_NOT_FOUND']);
    }
  });

  it('edits name, role and centre within scope, and nobody changes their own role', async () => {
    const renamed = await api.call<StaffAccount>('POST', `/api/admin/accounts/${staffId}`, { token: manager.token, body: { displayName: '王芳芳' } });
    expect([renamed.status, renamed.body.displayName]).toEqual([200, '王芳芳']);
    const promote = await api.call<ErrorBody>('POST', `/api/admin/accounts/${staffId}`, { token: manager.token, body: { role: 'manager' } });
    expect([promote.status, promote.body.error.code]).toEqual([403, 'FORBIDDEN']);
    const moved = await api.call<StaffAccount>('POST', `/api/admin/accounts/${staffId}`, { token: admin.token, body: { centerId: OTHER } });
    expect([moved.status, moved.body.centerId]).toEqual([200, OTHER]);
    // the manager of Shahe no longer sees her
    const gone = await api.call<ErrorBody>('POST', `/api/admin/accounts/${staffId}`, { token: manager.token, body: { displayName: '王芳' } });
    expect(gone.status).toBe(404);
    const back = await api.call<StaffAccount>('POST', `/api/admin/accounts/${staffId}`, { token: admin.token, body: { centerId: SHAHE } });
    expect(back.body.centerId).toBe(SHAHE);
    const self = await api.call<ErrorBody>('POST', `/api/admin/accounts/${admin.account.id}`, { token: admin.token, body: { role: 'staff', centerId: SHAHE } });
    expect([self.status, self.body.error.code]).toEqual([409, 'CANNOT_CHANGE_OWN_ACCOUNT']);
    const empty = await api.call<ErrorBody>('POST', `/api/admin/accounts/${staffId}`, { token: admin.token, body: {} });
    expect(empty.status).toBe(422);
  });

  it('a reset gives a new temporary password, forces the change and unlocks', async () => {
    for (let i = 0; i < 5; i++) await passwordLogin('wangfang', 'wrong-pass-9');
    expect((await passwordLogin('wangfang', 'shahe2026go')).status).toBe(429);
    const reset = await api.call<AccountWithPassword>('POST', `/api/admin/accounts/${staffId}/reset-password`, { token: manager.token });
    expect(reset.status).toBe(200);
    expect(reset.body.account).toMatchObject({ mustChangePassword: true, lockedUntil: null });
    expect((await passwordLogin('wangfang', 'shahe2026go')).status).toBe(400);
    const again = await loggedIn('wangfang', reset.body.temporaryPassword!);
    expect(again.account.mustChangePassword).toBe(true);
    expect((await changePassword(again.token, reset.body.temporaryPassword!, 'shahe2027go')).status).toBe(200);
    const own = await api.call<ErrorBody>('POST', `/api/admin/accounts/${manager.account.id}/reset-password`, { token: admin.token });
    expect(own.status).toBe(200); // an admin may reset a manager…
    const self = await api.call<ErrorBody>('POST', `/api/admin/accounts/${admin.account.id}/reset-password`, { token: admin.token });
    expect(self.body.error.code).toBe('CANNOT_CHANGE_OWN_ACCOUNT'); // …but not themselves
    manager = await loggedIn('liujun', own.body && (own.body as unknown as AccountWithPassword).temporaryPassword!);
    expect((await changePassword(manager.token, (own.body as unknown as AccountWithPassword).temporaryPassword!, DEMO_STAFF_PASSWORD + 'x')).status).toBe(200);
  });

  it('deactivation stops the account at once: its old token is refused on the next call', async () => {
    const staff = await loggedIn('wangfang', 'shahe2027go');
    expect((await api.call('GET', '/api/me', { token: staff.token })).status).toBe(200);
    const off = await api.call<StaffAccount>('POST', `/api/admin/accounts/${staffId}/deactivate`, { token: manager.token });
    expect([off.status, off.body.active]).toEqual([200, false]);
    expect((await api.call<ErrorBody>('GET', '/api/me', { token: staff.token })).status).toBe(401);
    expect((await api.call<ErrorBody>('GET', '/api/bookings/verify?code=ABCDEFGH', { token: staff.token })).status).toBe(401);
    const login = await passwordLogin('wangfang', 'shahe2027go');
    expect([login.status, login.body.error.code]).toEqual([403, 'ACCOUNT_DISABLED']);
    // deactivating again answers the account again
    expect((await api.call('POST', `/api/admin/accounts/${staffId}/deactivate`, { token: manager.token })).status).toBe(200);
    const on = await api.call<StaffAccount>('POST', `/api/admin/accounts/${staffId}/reactivate`, { token: manager.token });
    expect(on.body.active).toBe(true);
    expect((await api.call('GET', '/api/me', { token: staff.token })).status).toBe(200);
    const self = await api.call<ErrorBody>('POST', `/api/admin/accounts/${admin.account.id}/deactivate`, { token: admin.token });
    expect(self.body.error.code).toBe('CANNOT_CHANGE_OWN_ACCOUNT');
  });

  it('every change is in the audit log, newest first, without passwords; managers see their centre', async () => {
    const page = await api.call<AuditPage>('GET', '/api/admin/audit-log?action=account.&limit=5', { token: admin.token });
    expect(page.status).toBe(200);
    expect(page.body.rows).toHaveLength(5);
    expect(page.body.rows[0]).toMatchObject({ action: 'account.reactivate', actorName: '刘军', actorRole: 'manager', targetId: staffId, centerId: SHAHE });
    const ids = page.body.rows.map((r) => r.id);
    expect([...ids].sort((a, b) => b - a)).toEqual(ids);
    const next = await api.call<AuditPage>(`GET`, `/api/admin/audit-log?action=account.&limit=5&before=${page.body.nextBefore}`, { token: admin.token });
    expect(next.body.rows[0]!.id).toBeLessThan(ids[4]!);
    const all = await api.call<AuditPage>('GET', '/api/admin/audit-log?limit=100', { token: admin.token });
    const actions = all.body.rows.map((r) => r.action);
    for (const a of ['account.create', 'account.update', 'account.reset_password', 'account.deactivate', 'account.reactivate', 'account.password_change', 'account.lock']) {
      expect(actions).toContain(a);
    }
    expect(JSON.stringify(all.body)).not.toMatch(/scrypt|shahe2027go|shahe2026go/);
    const mgr = await api.call<AuditPage>('GET', '/api/admin/audit-log?limit=100', { token: manager.token });
    expect(mgr.body.rows.length).toBeGreaterThan(0);
    expect(mgr.body.rows.every((r) => r.centerId === SHAHE)).toBe(true);
    const staff = await loggedIn('zhoumin', DEMO_STAFF_PASSWORD);
    expect((await api.call<ErrorBody>('GET', '/api/admin/audit-log', { token: staff.token })).status).toBe(403);
    expect((await api.call<ErrorBody>('GET', '/api/admin/audit-log?limit=0', { token: admin.token })).status).toBe(422);
  });
});

describe('WeChat binding', () => {
  const staffWechat = (code: string) => api.call<LoginResult & ErrorBody>('POST', '/api/auth/wechat', { body: { code, as: 'staff' } });

  it('binds the WeChat of this phone; then one tap logs in as the staff account', async () => {
    const staff = await loggedIn('zhoumin', DEMO_STAFF_PASSWORD);
    // before binding
    const notYet = await staffWechat(wx.loginCode('zhou-phone'));
    expect([notYet.status, notYet.body.error.code]).toEqual([404, 'WECHAT_NOT_BOUND']);
    const bound = await api.call<StaffAccount>('POST', '/api/auth/wechat/bind', { token: staff.token, body: { code: wx.loginCode('zhou-phone') } });
    expect([bound.status, bound.body.wechatBound]).toEqual([200, true]);
    expect(JSON.stringify(bound.body)).not.toContain(wx.openidOf('zhou-phone'));
    const tap = await staffWechat(wx.loginCode('zhou-phone'));
    expect(tap.status).toBe(200);
    expect(tap.body.account).toMatchObject({ id: staff.account.id, role: 'staff', centerId: SHAHE, mustChangePassword: false });
    expect((await api.call('GET', '/api/me', { token: tap.body.token })).status).toBe(200);
  });

  it("keeps the person's resident account on the same WeChat separate", async () => {
    const resident = await api.call<LoginResult>('POST', '/api/auth/wechat', { body: { code: wx.loginCode('zhou-phone') } });
    expect(resident.status).toBe(200);
    expect(resident.body.account.role).toBe('resident');
    const staff = await staffWechat(wx.loginCode('zhou-phone'));
    expect(staff.body.account.role).toBe('staff');
    expect(staff.body.account.id).not.toBe(resident.body.account.id);
  });

  it('refuses a WeChat bound to another staff account, and residents', async () => {
    const manager = await api.login('manager-shahe');
    const taken = await api.call<ErrorBody>('POST', '/api/auth/wechat/bind', { token: manager, body: { code: wx.loginCode('zhou-phone') } });
    expect([taken.status, taken.body.error.code]).toEqual([409, 'WECHAT_ALREADY_BOUND']);
    const resident = await api.login('resident');
    const refused = await api.call<ErrorBody>('POST', '/api/auth/wechat/bind', { token: resident, body: { code: wx.loginCode('someone') } });
    expect([refused.status, refused.body.error.code]).toEqual([403, 'FORBIDDEN']);
    const bad = await api.call<ErrorBody>('POST', '/api/auth/wechat/bind', { token: manager, body: { code: 'bad-code' } });
    expect(bad.body.error.code).toBe('WECHAT_CODE_INVALID');
  });

  it('a deactivated staff account cannot log in by WeChat either', async () => {
    const admin = await loggedIn('admin', DEMO_STAFF_PASSWORD);
    const zhou = (await loggedIn('zhoumin', DEMO_STAFF_PASSWORD)).account.id;
    await api.call('POST', `/api/admin/accounts/${zhou}/deactivate`, { token: admin.token });
    const res = await staffWechat(wx.loginCode('zhou-phone'));
    expect([res.status, res.body.error.code]).toEqual([403, 'ACCOUNT_DISABLED']);
    await api.call('POST', `/api/admin/accounts/${zhou}/reactivate`, { token: admin.token });
  });

  it('unbinds; then one tap no longer works', async () => {
    const staff = await loggedIn('zhoumin', DEMO_STAFF_PASSWORD);
    const res = await api.call<StaffAccount>('POST', '/api/auth/wechat/unbind', { token: staff.token });
    expect([res.status, res.body.wechatBound]).toEqual([200, false]);
    expect((await staffWechat(wx.loginCode('zhou-phone'))).body.error.code).toBe('WECHAT_NOT_BOUND');
    // now the manager may take that WeChat
    const manager = await api.login('manager-shahe');
    expect((await api.call('POST', '/api/auth/wechat/bind', { token: manager, body: { code: wx.loginCode('zhou-phone') } })).status).toBe(200);
  });

  it('a reset removes the binding (a lost phone)', async () => {
    const admin = await loggedIn('admin', DEMO_STAFF_PASSWORD);
    const liu = (await staffWechat(wx.loginCode('zhou-phone'))).body.account.id;
    const reset = await api.call<AccountWithPassword>('POST', `/api/admin/accounts/${liu}/reset-password`, { token: admin.token });
    expect(reset.body.account.wechatBound).toBe(false);
    expect((await staffWechat(wx.loginCode('zhou-phone'))).status).toBe(404);
  });
});

function cliEnv(dir: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, PGLITE_DIR: dir, DATA_BACKEND: 'pglite' };
  delete env.DATABASE_URL;
  delete env.SUPABASE_URL;
  return env;
}

describe('the first county admin', () => {
  it('createFirstAdmin makes an admin who must change the temporary password', async () => {
    const made = await createFirstAdmin(t.db, parseFlags(['--county', '511922', '--username=County-Boss', '--name', '张县长']), START);
    expect(made).toMatchObject({ username: 'county-boss', countyCode: '511922', temporaryPassword: expect.stringMatching(/^[a-z2-9]{10}$/) });
    const first = await loggedIn('county-boss', made.temporaryPassword);
    expect(first.account).toMatchObject({ role: 'admin', countyCode: '511922', mustChangePassword: true });
    await expect(createFirstAdmin(t.db, { county: '511922', username: 'county-boss', name: '重复' }, START)).rejects.toMatchObject({ message: 'USERNAME_TAKEN' });
    await expect(createFirstAdmin(t.db, { county: '999999', username: 'nowhere', name: '无' }, START)).rejects.toMatchObject({ message: 'COUNTY_NOT_FOUND' });
    await expect(createFirstAdmin(t.db, { county: '5119', username: 'x', name: '' }, START)).rejects.toThrow(/county/);
  });

  it('npm run admin:create works on a fresh embedded database and prints the password once', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'bmfw-cli-'));
    try {
      const run = spawnSync(
        process.execPath,
        [require.resolve('tsx/cli'), 'server/db/cli.ts', 'admin:create', '--county', '511923', '--county-name', '平昌县', '--city', '巴中市', '--province', '四川省', '--username', 'pc-admin', '--name', '李主任'],
        { cwd: path.resolve(__dirname, '../..'), env: cliEnv(dir), encoding: 'utf8', timeout: 120_000 },
      );
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      expect(run.stdout).toMatch(/username:\s+pc-admin\n\s+temporary password: [a-z2-9]{10}\n/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
