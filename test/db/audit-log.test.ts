// The audit log: written only through app.audit() by the functions that make changes, read by
// admins for their county and by managers for their centre, never by anyone else.
import type { Caller, SqlDatabase } from '../../server/db/database';
import { createTestDatabase, describeBackend, type TestDatabase } from '../support/database';

let t: TestDatabase;
let db: SqlDatabase;
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const U = { resident: id(101), staffX: id(102), managerX: id(103), managerY: id(104), admin: id(105), adminOther: id(106), offAdmin: id(107) };
const X = id(1);
const Y = id(2);

beforeAll(async () => {
  console.info(`audit log tests on ${describeBackend()}`);
  t = await createTestDatabase({ seed: false });
  db = t.db;
  await db.exec(`
    insert into counties values ('511922', '南江县', '巴中市', '四川省'), ('511921', '通江县', '巴中市', '四川省');
    insert into centers (id, county_code, kind, name, township, address, phone) values
      ('${X}', '511922', 'center', 'X镇便民服务中心', 'X镇', 'X镇正街1号', '0827-1000001'),
      ('${Y}', '511922', 'center', 'Y镇便民服务中心', 'Y镇', 'Y镇正街1号', '0827-1000002');
    insert into users (id, app_role, display_name, center_id, county_code, active) values
      ('${U.resident}', 'resident', '居民', null, null, true),
      ('${U.staffX}', 'staff', 'X员', '${X}', '511922', true),
      ('${U.managerX}', 'manager', 'X主任', '${X}', '511922', true),
      ('${U.managerY}', 'manager', 'Y主任', '${Y}', '511922', true),
      ('${U.admin}', 'admin', '县管理员', null, '511922', true),
      ('${U.adminOther}', 'admin', '外县管理员', null, '511921', true),
      ('${U.offAdmin}', 'admin', '已停用', null, '511922', false);
    -- stand-ins for the functions that make changes: security definer, as they are
    create function public.test_change(p_action text, p_center uuid) returns jsonb
    language plpgsql security definer set search_path = '' as $$
    begin
      perform app.audit('2026-12-01 09:00+08', p_action, 'thing', 't1', '{"k":"v"}', p_center);
      return '{}'::jsonb;
    end $$;
    grant execute on function public.test_change(text, uuid) to authenticated;
    create function public.test_call_audit_directly() returns jsonb language plpgsql as $$
    begin perform app.audit(now(), 'x.y', 'thing', null); return '{}'::jsonb; end $$;
    grant execute on function public.test_call_audit_directly() to authenticated;
  `);
  await db.rpc('test_change', { p_action: 'center.hours', p_center: X }, as(U.managerX));
  await db.rpc('test_change', { p_action: 'center.closure', p_center: Y }, as(U.managerY));
  await db.rpc('test_change', { p_action: 'catalogue.import', p_center: null }, as(U.admin));
  await db.rpc('test_change', { p_action: 'account.create', p_center: null }, as(U.adminOther));
});
afterAll(async () => t?.drop());

function as(user: string): Caller {
  return { role: 'authenticated', claims: { sub: user } };
}

interface Row {
  action: string;
  actorName: string;
  actorRole: string;
  centerId: string | null;
  at: string;
  detail: unknown;
}

const actions = async (user: string) =>
  (await db.rpc<{ rows: Row[] }>('list_audit_log', {}, as(user))).rows.map((r) => r.action);

describe('audit log', () => {
  it('records who did what, when, in which scope', async () => {
    const rows = (await db.rpc<{ rows: Row[] }>('list_audit_log', {}, as(U.admin))).rows;
    expect(rows[rows.length - 1]).toMatchObject({
      action: 'center.hours', actorName: 'X主任', actorRole: 'manager', centerId: X, at: '2026-12-01T09:00:00+08:00', detail: { k: 'v' },
    });
  });

  it.each<[string, string, string[] | 'FORBIDDEN']>([
    ['admin of the county: every row of the county', U.admin, ['catalogue.import', 'center.closure', 'center.hours']],
    ['admin of another county: only that county', U.adminOther, ['account.create']],
    ['manager of X: only X', U.managerX, ['center.hours']],
    ['manager of Y: only Y', U.managerY, ['center.closure']],
    ['window staff', U.staffX, 'FORBIDDEN'],
    ['resident', U.resident, 'FORBIDDEN'],
  ])('%s', async (_who, user, expected) => {
    if (expected === 'FORBIDDEN') await expect(actions(user)).rejects.toMatchObject({ message: 'FORBIDDEN' });
    else expect(await actions(user)).toEqual(expected);
  });

  it('a deactivated admin reads nothing', async () => {
    await expect(actions(U.offAdmin)).rejects.toMatchObject({ message: 'UNAUTHENTICATED' });
  });

  it('filters by action prefix and pages with a cursor', async () => {
    const centre = await db.rpc<{ rows: (Row & { id: number })[] }>('list_audit_log', { p_action_prefix: 'center.' }, as(U.admin));
    expect(centre.rows.map((r) => r.action)).toEqual(['center.closure', 'center.hours']);
    const next = await db.rpc<{ rows: Row[] }>('list_audit_log', { p_before: centre.rows[0]!.id, p_limit: 1 }, as(U.admin));
    expect(next.rows.map((r) => r.action)).toEqual(['center.hours']);
  });

  it('API roles cannot write rows, directly or by calling app.audit', async () => {
    await expect(db.rpc('test_call_audit_directly', {}, as(U.admin))).rejects.toMatchObject({ sqlState: '42501' });
    await expect(
      db.query(`begin; set local role authenticated; insert into public.audit_log (at, actor_role, action, target_type) values (now(), 'x', 'a.b', 't'); commit;`),
    ).rejects.toThrow();
    await db.exec('rollback').catch(() => undefined);
  });
});
