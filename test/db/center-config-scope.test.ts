// Centre configuration: the scope is checked in the database. A manager changes only their own
// centre, a county admin any centre of their county, nobody else (window staff, residents,
// anonymous callers, admins of another county, deactivated accounts). Staff profiles are never
// readable directly: the public sees consented ones through center_on_duty only.
import { ANONYMOUS, type Caller, type SqlDatabase } from '../../server/db/database';
import { createTestDatabase, describeBackend, type TestDatabase } from '../support/database';

let t: TestDatabase;
let db: SqlDatabase;
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const X = id(1);
const Y = id(2);
const Z = id(3); // another county
const U = {
  resident: id(101), staffX: id(102), managerX: id(103), managerY: id(104), admin: id(105),
  adminOther: id(106), offManager: id(107), offAdmin: id(108),
};
const NOW = '2026-12-01T09:00:00+08:00';

beforeAll(async () => {
  console.info(`centre configuration scope tests on ${describeBackend()}`);
  t = await createTestDatabase({ seed: false });
  db = t.db;
  await db.exec(`
    insert into counties values ('511922', '南江县', '巴中市', '四川省'), ('511921', '通江县', '巴中市', '四川省');
    insert into centers (id, county_code, kind, name, township, address, phone) values
      ('${X}', '511922', 'center', 'X镇便民服务中心', 'X镇', 'X镇正街1号', '0827-1000001'),
      ('${Y}', '511922', 'center', 'Y镇便民服务中心', 'Y镇', 'Y镇正街1号', '0827-1000002'),
      ('${Z}', '511921', 'center', 'Z镇便民服务中心', 'Z镇', 'Z镇正街1号', '0827-1000003');
    insert into users (id, app_role, display_name, center_id, county_code, active) values
      ('${U.resident}', 'resident', '居民', null, null, true),
      ('${U.staffX}', 'staff', 'X员', '${X}', '511922', true),
      ('${U.managerX}', 'manager', 'X主任', '${X}', '511922', true),
      ('${U.managerY}', 'manager', 'Y主任', '${Y}', '511922', true),
      ('${U.admin}', 'admin', '县管理员', null, '511922', true),
      ('${U.adminOther}', 'admin', '外县管理员', null, '511921', true),
      ('${U.offManager}', 'manager', '已停用主任', '${X}', '511922', false),
      ('${U.offAdmin}', 'admin', '已停用管理员', null, '511922', false);
  `);
});
afterAll(async () => t?.drop());

const as = (user: string): Caller => ({ role: 'authenticated', claims: { sub: user } });
const setRules = (caller: Caller, center: string) =>
  db.rpc('manage_set_booking_rules', { p_center: center, p_rules: { open_days_ahead: 10 }, p_now: NOW }, caller);
const readConfig = (caller: Caller, center: string) => db.rpc('manage_center_config', { p_center: center, p_now: NOW }, caller);
const refused = (code: string) => expect.objectContaining({ sqlState: 'P0001', message: code });

describe('who may configure which centre', () => {
  it.each<[string, Caller, string]>([
    ['the manager of X, their centre', as(U.managerX), X],
    ['the county admin, a centre of the county', as(U.admin), Y],
    ['the county admin, another centre of the county', as(U.admin), X],
  ])('%s: allowed, and audited', async (_who, caller, center) => {
    const before = await db.query<{ n: number }>(`select count(*)::int as n from audit_log where center_id = $1`, [center]);
    await expect(readConfig(caller, center)).resolves.toMatchObject({ center: { id: center } });
    await expect(setRules(caller, center)).resolves.toMatchObject({ rules: { open_days_ahead: 10 } });
    const after = await db.query<{ n: number }>(`select count(*)::int as n from audit_log where center_id = $1`, [center]);
    expect(after[0]!.n).toBe(before[0]!.n + 1);
  });

  it.each<[string, Caller, string, string]>([
    ['the manager of X, centre Y', as(U.managerX), Y, 'FORBIDDEN'],
    ['the manager of Y, centre X', as(U.managerY), X, 'FORBIDDEN'],
    ['window staff of X, their own centre', as(U.staffX), X, 'FORBIDDEN'],
    ['a resident', as(U.resident), X, 'FORBIDDEN'],
    ['an admin of another county', as(U.adminOther), X, 'FORBIDDEN'],
    ['the county admin, a centre of another county', as(U.admin), Z, 'FORBIDDEN'],
    ['a deactivated manager of X', as(U.offManager), X, 'FORBIDDEN'],
    ['a deactivated admin', as(U.offAdmin), X, 'FORBIDDEN'],
    ['a logged-in user without an account', as(id(999)), X, 'FORBIDDEN'],
  ])('%s: refused', async (_who, caller, center, code) => {
    await expect(readConfig(caller, center)).rejects.toEqual(refused(code));
    await expect(setRules(caller, center)).rejects.toEqual(refused(code));
    await expect(db.rpc('manage_add_closure', {
      p_center: center, p_from: '2026-12-10', p_to: '2026-12-10', p_reason: '停电检修', p_window: null, p_cancel_affected: false, p_now: NOW,
    }, caller)).rejects.toEqual(refused(code));
    await expect(db.rpc('manage_save_staff_profile', {
      p_center: center, p_profile: null, p_name: '某人', p_post: '民政窗口', p_duty_weekdays: [1], p_active: true, p_sort_order: null, p_now: NOW,
    }, caller)).rejects.toEqual(refused(code));
  });

  it('anonymous callers may not even call the functions; unknown centres are 404 for admins only', async () => {
    await expect(setRules(ANONYMOUS, X)).rejects.toMatchObject({ sqlState: '42501' });
    await expect(readConfig(as(U.admin), id(77))).rejects.toEqual(refused('CENTER_NOT_FOUND'));
    await expect(readConfig(as(U.managerX), id(77))).rejects.toEqual(refused('FORBIDDEN'));
  });

  it('lists only the centres in scope', async () => {
    const list = async (u: string) => (await db.rpc<{ centers: { id: string }[] }>('manage_list_centers', {}, as(u))).centers.map((c) => c.id);
    expect(await list(U.managerX)).toEqual([X]);
    expect((await list(U.admin)).sort()).toEqual([X, Y]);
    expect(await list(U.adminOther)).toEqual([Z]);
    await expect(list(U.staffX)).rejects.toEqual(refused('FORBIDDEN'));
    await expect(list(U.offAdmin)).rejects.toEqual(refused('FORBIDDEN'));
  });
});

describe('staff profiles', () => {
  it('are not readable directly by anyone but through the functions, and public only with consent', async () => {
    const r = await db.rpc<{ staff: { id: string }[] }>('manage_save_staff_profile', {
      p_center: X, p_profile: null, p_name: '周敏', p_post: '民政窗口', p_duty_weekdays: [1, 2, 3, 4, 5, 6, 7], p_active: true, p_sort_order: null, p_now: NOW,
    }, as(U.managerX));
    const profile = r.staff[0]!.id;
    for (const role of ['anon', 'authenticated']) {
      await expect(db.exec(`begin; set local role ${role}; select * from staff_profiles; commit;`)).rejects.toMatchObject({ sqlState: '42501' });
      await db.exec('rollback').catch(() => undefined);
    }
    const onDuty = () => db.rpc<{ staff: unknown[] }>('center_on_duty', { p_center: X, p_date: '2026-12-01' }, ANONYMOUS);
    expect((await onDuty()).staff).toEqual([]);
    await db.rpc('manage_set_staff_consent', { p_center: X, p_profile: profile, p_consented: true, p_now: NOW }, as(U.managerX));
    expect((await onDuty()).staff).toEqual([{ id: profile, name: '周敏', post: '民政窗口', photoUrl: null }]);
    // another centre's manager cannot withdraw it, the admin can
    await expect(db.rpc('manage_set_staff_consent', { p_center: Y, p_profile: profile, p_consented: false, p_now: NOW }, as(U.managerY)))
      .rejects.toEqual(refused('STAFF_PROFILE_NOT_FOUND'));
    await db.rpc('manage_set_staff_consent', { p_center: X, p_profile: profile, p_consented: false, p_now: NOW }, as(U.admin));
    expect((await onDuty()).staff).toEqual([]);
  });

  it('refuses a photo whose bytes are not what its type says, in the database too', async () => {
    const [{ id: profile }] = await db.query<{ id: string }>(`select id from staff_profiles limit 1`) as [{ id: string }];
    await expect(db.rpc('manage_set_staff_photo', {
      p_center: X, p_profile: profile, p_type: 'image/png', p_data: Buffer.from('<svg onload=alert(1)>').toString('base64'), p_now: NOW,
    }, as(U.managerX))).rejects.toEqual(refused('INVALID_PHOTO'));
  });
});
