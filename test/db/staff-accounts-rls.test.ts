// Staff accounts in the database: who may read and change which account (admins their county,
// managers their centre's window staff, nobody else), credentials readable by the service role
// alone, and an account that must change its password is not an active account anywhere.
import type { Caller, SqlDatabase } from '../../server/db/database';
import { createTestDatabase, describeBackend, type TestDatabase } from '../support/database';

let t: TestDatabase;
let db: SqlDatabase;
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const X = id(1);
const Y = id(2);
const Z = id(3); // another county
const U = {
  resident: id(101), staffX: id(102), staffY: id(103), managerX: id(104), managerY: id(105),
  admin: id(106), adminOther: id(107), offAdmin: id(108), offStaffX: id(109), newStaffX: id(110), newAdmin: id(111),
};
const HASH = 'scrypt$1024$8$1$c2FsdHNhbHRzYWx0c2FsdA$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g';
const NOW = '2026-12-01T09:00:00+08:00';

beforeAll(async () => {
  console.info(`staff account database tests on ${describeBackend()}`);
  t = await createTestDatabase({ seed: false });
  db = t.db;
  const users: [string, string, string, string | null, string | null, boolean, boolean][] = [
    // id, role, name, centre, county, active, must change
    [U.resident, 'resident', '居民', null, null, true, false],
    [U.staffX, 'staff', 'X员', X, '511922', true, false],
    [U.staffY, 'staff', 'Y员', Y, '511922', true, false],
    [U.managerX, 'manager', 'X主任', X, '511922', true, false],
    [U.managerY, 'manager', 'Y主任', Y, '511922', true, false],
    [U.admin, 'admin', '县管理员', null, '511922', true, false],
    [U.adminOther, 'admin', '外县管理员', null, '511921', true, false],
    [U.offAdmin, 'admin', '停用管理员', null, '511922', false, false],
    [U.offStaffX, 'staff', '停用X员', X, '511922', false, false],
    [U.newStaffX, 'staff', '新X员', X, '511922', true, true],
    [U.newAdmin, 'admin', '新管理员', null, '511922', true, true],
  ];
  await db.exec(`
    insert into counties values ('511922', '南江县', '巴中市', '四川省'), ('511921', '通江县', '巴中市', '四川省');
    insert into centers (id, county_code, kind, name, township, address, phone) values
      ('${X}', '511922', 'center', 'X镇便民服务中心', 'X镇', 'X镇正街1号', '0827-1000001'),
      ('${Y}', '511922', 'center', 'Y镇便民服务中心', 'Y镇', 'Y镇正街1号', '0827-1000002'),
      ('${Z}', '511921', 'center', 'Z镇便民服务中心', 'Z镇', 'Z镇正街1号', '0827-1000003');
    insert into users (id, app_role, display_name, center_id, county_code, active) values
      ${users.map(([i, r, n, c, k, a]) => `('${i}', '${r}', '${n}', ${c ? `'${c}'` : 'null'}, ${k ? `'${k}'` : 'null'}, ${a})`).join(',\n      ')};
    insert into staff_credentials (user_id, username, password_hash, must_change_password, created_at) values
      ${users.filter(([, r]) => r !== 'resident').map(([i, , , , , , m], n) => `('${i}', 'user${n}', '${HASH}', ${m}, now())`).join(',\n      ')};
  `);
});
afterAll(async () => t?.drop());

const as = (user?: string): Caller => (user ? { role: 'authenticated', claims: { sub: user } } : { role: 'anon', claims: {} });
const SERVICE: Caller = { role: 'service_role', claims: {} };
const listed = async (user: string) =>
  (await db.rpc<{ rows: { id: string }[] }>('list_staff_accounts', { p_now: NOW }, as(user))).rows.map((r) => r.id).sort();

describe('who may list which accounts', () => {
  it.each<[string, string | undefined, string[] | string]>([
    ['admin of the county: every staff, manager and admin of it', U.admin,
      [U.staffX, U.staffY, U.managerX, U.managerY, U.admin, U.offAdmin, U.offStaffX, U.newStaffX, U.newAdmin].sort()],
    ['admin of another county: only that county', U.adminOther, [U.adminOther]],
    ['manager of X: the window staff of X', U.managerX, [U.staffX, U.offStaffX, U.newStaffX].sort()],
    ['manager of Y: the window staff of Y', U.managerY, [U.staffY]],
    ['window staff', U.staffX, 'FORBIDDEN'],
    ['resident', U.resident, 'FORBIDDEN'],
    ['a deactivated admin', U.offAdmin, 'UNAUTHENTICATED'],
    ['an admin who must change the password first', U.newAdmin, 'UNAUTHENTICATED'],
    ['anonymous (no grant at all)', undefined, '42501'],
  ])('%s', async (_who, user, expected) => {
    if (typeof expected !== 'string') return expect(await listed(user!)).toEqual(expected);
    const call = db.rpc('list_staff_accounts', { p_now: NOW }, as(user));
    if (expected === '42501') await expect(call).rejects.toMatchObject({ sqlState: '42501' });
    else await expect(call).rejects.toMatchObject({ message: expected });
  });
});

describe('who may change which account', () => {
  const deactivate = (who: string, target: string) => db.rpc('set_staff_account_active', { p_user: target, p_active: false, p_now: NOW }, as(who));
  const reactivate = (who: string, target: string) => db.rpc('set_staff_account_active', { p_user: target, p_active: true, p_now: NOW }, as(who));

  it.each<[string, string, string, 'ok' | string]>([
    ['admin → staff of the county', U.admin, U.staffY, 'ok'],
    ['admin → manager of the county', U.admin, U.managerY, 'ok'],
    ['admin → another admin of the county', U.admin, U.newAdmin, 'ok'],
    ['admin of another county → staff here', U.adminOther, U.staffX, 'ACCOUNT_NOT_FOUND'],
    ['manager X → staff of X', U.managerX, U.staffX, 'ok'],
    ['manager X → staff of Y', U.managerX, U.staffY, 'ACCOUNT_NOT_FOUND'],
    ['manager X → manager Y', U.managerX, U.managerY, 'ACCOUNT_NOT_FOUND'],
    ['manager X → the admin', U.managerX, U.admin, 'ACCOUNT_NOT_FOUND'],
    ['manager X → a resident (not a staff account)', U.managerX, U.resident, 'ACCOUNT_NOT_FOUND'],
    ['admin → a resident (not a staff account)', U.admin, U.resident, 'ACCOUNT_NOT_FOUND'],
    ['staff X → staff X', U.staffX, U.staffX, 'FORBIDDEN'],
    ['resident → staff', U.resident, U.staffX, 'FORBIDDEN'],
    ['deactivated admin → staff', U.offAdmin, U.staffX, 'UNAUTHENTICATED'],
    ['admin who must change the password → staff', U.newAdmin, U.staffX, 'UNAUTHENTICATED'],
    ['admin → themselves', U.admin, U.admin, 'CANNOT_CHANGE_OWN_ACCOUNT'],
  ])('%s: %s', async (_what, who, target, expected) => {
    if (expected === 'ok') {
      await expect(deactivate(who, target)).resolves.toMatchObject({ id: target, active: false });
      await expect(reactivate(who, target)).resolves.toMatchObject({ id: target, active: true });
    } else {
      await expect(deactivate(who, target)).rejects.toMatchObject({ message: expected });
    }
  });

  it('creates only within scope; roles other than staff, manager and admin are refused', async () => {
    const create = (who: string, role: string, center: string | null, username: string) =>
      db.rpc('create_staff_account', { p_username: username, p_display_name: '新人', p_role: role, p_center: center, p_password_hash: HASH, p_now: NOW }, as(who));
    await expect(create(U.admin, 'staff', Y, 'made-by-admin')).resolves.toMatchObject({ account: { role: 'staff', centerId: Y, countyCode: '511922' } });
    await expect(create(U.admin, 'staff', Z, 'other-county')).rejects.toMatchObject({ message: 'FORBIDDEN' });
    await expect(create(U.admin, 'resident', null, 'a-resident')).rejects.toMatchObject({ message: 'INVALID_ROLE' });
    await expect(create(U.admin, 'agent', null, 'an-agent')).rejects.toMatchObject({ message: 'INVALID_ROLE' });
    await expect(create(U.managerX, 'staff', null, 'made-by-mgr')).resolves.toMatchObject({ account: { centerId: X } });
    await expect(create(U.managerX, 'staff', Y, 'mgr-other')).rejects.toMatchObject({ message: 'FORBIDDEN' });
    await expect(create(U.managerX, 'admin', null, 'mgr-admin')).rejects.toMatchObject({ message: 'FORBIDDEN' });
    await expect(create(U.staffX, 'staff', X, 'by-staff')).rejects.toMatchObject({ message: 'FORBIDDEN' });
    await expect(create(U.newAdmin, 'staff', X, 'by-new')).rejects.toMatchObject({ message: 'UNAUTHENTICATED' });
    // every change left an audit row in the changer's scope
    const rows = await db.query<{ action: string; actor_id: string; center_id: string }>(
      `select action, actor_id, center_id from audit_log where action = 'account.create' order by id`,
    );
    expect(rows).toEqual([
      { action: 'account.create', actor_id: U.admin, center_id: Y },
      { action: 'account.create', actor_id: U.managerX, center_id: X },
    ]);
  });
});

describe('credentials and the forced change', () => {
  it('nobody but the service role reads the credentials table', async () => {
    for (const role of ['anon', 'authenticated']) {
      await expect(db.exec(`begin; set local role ${role}; select * from staff_credentials; commit;`)).rejects.toMatchObject({ sqlState: '42501' });
      await db.exec('rollback').catch(() => undefined);
      await expect(db.exec(`begin; set local role ${role}; select * from login_throttle; commit;`)).rejects.toMatchObject({ sqlState: '42501' });
      await db.exec('rollback').catch(() => undefined);
    }
  });

  it.each([
    ['staff_login_begin', { p_username: 'user0', p_now: NOW }],
    ['staff_login_finish', { p_username: 'user0', p_ok: true, p_now: NOW }],
    ['staff_login_wechat', { p_openid: 'oFakeOpenid', p_now: NOW }],
    ['staff_password_of', { p_user: U.staffX }],
    ['change_own_password', { p_user: U.staffX, p_password_hash: HASH, p_now: NOW }],
    ['bind_staff_wechat', { p_user: U.staffX, p_openid: 'oFakeOpenid', p_now: NOW }],
    ['unbind_staff_wechat', { p_user: U.staffX, p_now: NOW }],
    ['account_block_reason', { p_user: U.staffX }],
    ['bootstrap_admin', { p_county: '511922', p_username: 'boot', p_display_name: 'x', p_password_hash: HASH, p_now: NOW }],
  ])('%s is for the service role only', async (fn, args) => {
    for (const user of [undefined, U.staffX, U.admin]) {
      await expect(db.rpc(fn, args, as(user))).rejects.toMatchObject({ sqlState: '42501' });
    }
    await expect(db.rpc(fn === 'staff_login_begin' ? fn : 'account_block_reason', fn === 'staff_login_begin' ? args : { p_user: U.staffX }, SERVICE)).resolves.toBeDefined();
  });

  it('the password hash leaves the database only through the service role', async () => {
    await expect(db.rpc('staff_login_begin', { p_username: ' USER0 ', p_now: NOW }, SERVICE)).resolves.toEqual({ userId: U.staffX, passwordHash: HASH });
    await expect(db.rpc('staff_login_begin', { p_username: 'nobody', p_now: NOW }, SERVICE)).resolves.toEqual({ userId: null, passwordHash: null });
    const shown = JSON.stringify(await db.rpc('list_staff_accounts', { p_now: NOW }, as(U.admin)));
    expect(shown).not.toContain('scrypt');
  });

  it('an account that must change its password is not active: no account, no centre, no people', async () => {
    const probe = async (user: string) =>
      (await db.query<{ v: string }>(
        `select set_config('request.jwt.claims', $1, true), json_build_object('account', (app.current_account()).id, 'centre', app.staff_center_id(), 'county', app.admin_county())::text as v`,
        [JSON.stringify({ sub: user })],
      ))[0]!.v;
    expect(JSON.parse(await probe(U.staffX))).toEqual({ account: U.staffX, centre: X, county: null });
    expect(JSON.parse(await probe(U.newStaffX))).toEqual({ account: null, centre: null, county: null });
    expect(JSON.parse(await probe(U.newAdmin))).toEqual({ account: null, centre: null, county: null });
    expect(JSON.parse(await probe(U.offStaffX))).toEqual({ account: null, centre: null, county: null });
    await expect(db.rpc('account_block_reason', { p_user: U.newStaffX }, SERVICE)).resolves.toBe('password_change');
    await expect(db.rpc('account_block_reason', { p_user: U.offStaffX }, SERVICE)).resolves.toBe('disabled');
    await expect(db.rpc('account_block_reason', { p_user: U.staffX }, SERVICE)).resolves.toBeNull();
    // the change makes it active
    await db.rpc('change_own_password', { p_user: U.newStaffX, p_password_hash: HASH, p_now: NOW }, SERVICE);
    expect(JSON.parse(await probe(U.newStaffX))).toEqual({ account: U.newStaffX, centre: X, county: null });
    // a deactivated account cannot change it
    await expect(db.rpc('change_own_password', { p_user: U.offStaffX, p_password_hash: HASH, p_now: NOW }, SERVICE)).rejects.toMatchObject({ message: 'UNAUTHENTICATED' });
  });

  it('lock counting survives the failure answer (nothing is rolled back)', async () => {
    for (let i = 0; i < 4; i++) {
      await expect(db.rpc('staff_login_finish', { p_username: 'user1', p_ok: false, p_now: NOW }, SERVICE)).resolves.toEqual({ outcome: 'failed', remaining: 4 - i });
    }
    await expect(db.rpc('staff_login_finish', { p_username: 'user1', p_ok: false, p_now: NOW }, SERVICE)).resolves.toEqual({ outcome: 'locked', minutes: 15 });
    const locked = await db.rpc('staff_login_begin', { p_username: 'user1', p_now: '2026-12-01T09:05:00+08:00' }, SERVICE).catch((e: { message: string; detail: string }) => e);
    expect(locked).toMatchObject({ message: 'ACCOUNT_LOCKED' });
    expect(JSON.parse((locked as { detail: string }).detail)).toEqual({ minutes: 10 });
    await expect(db.rpc('staff_login_begin', { p_username: 'user1', p_now: '2026-12-01T09:15:00+08:00' }, SERVICE)).resolves.toMatchObject({ userId: U.staffY });
  });
});
