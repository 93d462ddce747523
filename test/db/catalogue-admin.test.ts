// Catalogue administration in the database: only an active admin changes the catalogue, only
// their own county's; an import applies every row or none; every change has its audit row.
import type { Caller, RpcArgs, SqlDatabase } from '../../server/db/database';
import { ANONYMOUS } from '../../server/db/database';
import { createTestDatabase, describeBackend, type TestDatabase } from '../support/database';

let t: TestDatabase;
let db: SqlDatabase;
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const U = { resident: id(101), staff: id(102), manager: id(103), admin: id(105), adminOther: id(106), offAdmin: id(107) };
const X = id(1);
const NOW = '2026-12-01T09:00:00+08:00';

const as = (user: string): Caller => ({ role: 'authenticated', claims: { sub: user } });

const row = (code: string, over: Record<string, unknown> = {}) => ({
  code, name: `事项${code}`, category: 'convenience', departmentCode: 'civil', handlingMode: 'immediate',
  legalDays: 5, promisedDays: 1, feeText: '不收费', summary: '说明', conditions: '条件', maxVisits: 1,
  keywords: '', popularity: 0, published: true,
  materials: [{ name: '身份证', form: 'original', copies: 1, condition: null, notes: null }],
  ...over,
});

beforeAll(async () => {
  console.info(`catalogue admin db tests on ${describeBackend()}`);
  t = await createTestDatabase({ seed: false });
  db = t.db;
  await db.exec(`
    insert into counties values ('511922', '南江县', '巴中市', '四川省'), ('511921', '通江县', '巴中市', '四川省');
    insert into centers (id, county_code, kind, name, township, address, phone) values
      ('${X}', '511922', 'center', 'X镇便民服务中心', 'X镇', 'X镇正街1号', '0827-1000001');
    insert into departments (county_code, code, name) values ('511922', 'civil', '县民政局'), ('511921', 'civil', '通江县民政局');
    insert into users (id, app_role, display_name, center_id, county_code, active) values
      ('${U.resident}', 'resident', '居民', null, null, true),
      ('${U.staff}', 'staff', '窗口', '${X}', null, true),
      ('${U.manager}', 'manager', '主任', '${X}', null, true),
      ('${U.admin}', 'admin', '县管理员', null, '511922', true),
      ('${U.adminOther}', 'admin', '外县管理员', null, '511921', true),
      ('${U.offAdmin}', 'admin', '已停用', null, '511922', false);
  `);
});
afterAll(async () => t?.drop());

const count = async (sql: string) => Number((await db.query<{ n: string }>(sql))[0]!.n);

describe('who may change the catalogue', () => {
  const calls: [string, RpcArgs][] = [
    ['admin_save_item', { p_row: row('D-001'), p_now: NOW }],
    ['import_catalogue', { p_rows: [row('D-002')], p_dry_run: false, p_now: NOW }],
    ['admin_save_department', { p_code: 'x_y', p_name: '某局', p_now: NOW }],
    ['admin_save_bundle', { p_bundle: { code: 'B-1', name: '一件事', summary: 's', itemCodes: ['D-001'] }, p_now: NOW }],
    ['admin_export_catalogue', {}],
    ['admin_list_items', {}],
  ];
  it.each(calls)('%s: anon is refused by grants; resident, staff, manager are FORBIDDEN; a deactivated admin UNAUTHENTICATED', async (fn, args) => {
    await expect(db.rpc(fn, args, ANONYMOUS)).rejects.toMatchObject({ sqlState: '42501' });
    for (const user of [U.resident, U.staff, U.manager]) {
      await expect(db.rpc(fn, args, as(user))).rejects.toMatchObject({ sqlState: 'P0001', message: 'FORBIDDEN' });
    }
    await expect(db.rpc(fn, args, as(U.offAdmin))).rejects.toMatchObject({ message: 'UNAUTHENTICATED' });
    expect(await count(`select count(*) as n from service_items`)).toBe(0);
    expect(await count(`select count(*) as n from audit_log`)).toBe(0);
  });

  it('API roles cannot write the tables directly, even as an admin', async () => {
    await expect(
      db.exec(`begin; set local role authenticated; select set_config('request.jwt.claims', '{"sub":"${U.admin}"}', true);
               insert into departments (county_code, code, name) values ('511922', 'direct', '直接写'); commit;`),
    ).rejects.toMatchObject({ sqlState: '42501' });
    await db.exec('rollback').catch(() => undefined);
  });

  it('an admin writes only into their own county', async () => {
    const mine = await db.rpc<{ status: string; item: { id: string } }>('admin_save_item', { p_row: row('S-001'), p_now: NOW }, as(U.admin));
    expect(mine.status).toBe('created');
    // the other county's admin: the same code is their own item; our id is not found
    const theirs = await db.rpc<{ status: string }>('admin_save_item', { p_row: row('S-001'), p_now: NOW }, as(U.adminOther));
    expect(theirs.status).toBe('created');
    await expect(db.rpc('admin_save_item', { p_row: row('S-001', { name: '改掉' }), p_now: NOW, p_id: mine.item.id }, as(U.adminOther)))
      .rejects.toMatchObject({ message: 'ITEM_NOT_FOUND' });
    await expect(db.rpc('admin_set_item_published', { p_id: mine.item.id, p_published: false, p_now: NOW }, as(U.adminOther)))
      .rejects.toMatchObject({ message: 'ITEM_NOT_FOUND' });
    await expect(db.rpc('admin_get_item', { p_id: mine.item.id }, as(U.adminOther))).rejects.toMatchObject({ message: 'ITEM_NOT_FOUND' });
    expect(await db.query(`select county_code, name from service_items where code = 'S-001' order by county_code`)).toEqual([
      { county_code: '511921', name: '事项S-001' },
      { county_code: '511922', name: '事项S-001' },
    ]);
    // departments are per county too
    await expect(db.rpc('admin_save_item', { p_row: row('S-002', { departmentCode: 'nowhere' }), p_now: NOW }, as(U.admin)))
      .rejects.toMatchObject({ message: 'DEPARTMENT_NOT_FOUND' });
  });
});

describe('import', () => {
  it('a dry run reports what would happen and writes nothing', async () => {
    const before = await count(`select count(*) as n from service_items`);
    const res = await db.rpc<{ created: number; updated: number; unchanged: number }>(
      'import_catalogue', { p_rows: [row('S-001'), row('I-001'), row('I-002')], p_dry_run: true, p_now: NOW }, as(U.admin));
    expect(res).toMatchObject({ created: 2, updated: 0, unchanged: 1, dryRun: true });
    expect(await count(`select count(*) as n from service_items`)).toBe(before);
    expect(await count(`select count(*) as n from audit_log where action = 'catalogue.import'`)).toBe(0);
  });

  it('applies every row or none: a failing row rolls back the rows before it', async () => {
    const before = await db.query(`select code, name, updated_at from service_items order by code, county_code`);
    const rows = [row('S-001', { name: '已改名' }), row('I-003'), row('I-004', { promisedDays: 9, legalDays: 5 })];
    await expect(db.rpc('import_catalogue', { p_rows: rows, p_dry_run: false, p_now: NOW }, as(U.admin)))
      .rejects.toMatchObject({ sqlState: '23514' });
    expect(await db.query(`select code, name, updated_at from service_items order by code, county_code`)).toEqual(before);
    expect(await count(`select count(*) as n from audit_log where action = 'catalogue.import'`)).toBe(0);
    // duplicate codes in one call are refused before anything is done
    await expect(db.rpc('import_catalogue', { p_rows: [row('I-005'), row('I-005')], p_dry_run: false, p_now: NOW }, as(U.admin)))
      .rejects.toMatchObject({ message: 'INVALID_INPUT' });
  });

  it('a successful import writes its rows and one audit row with counts and codes, no personal data', async () => {
    const res = await db.rpc<{ created: number; updated: number }>(
      'import_catalogue', { p_rows: [row('S-001', { name: '已改名' }), row('I-006')], p_dry_run: false, p_now: NOW }, as(U.admin));
    expect(res).toMatchObject({ created: 1, updated: 1, unchanged: 0 });
    const audit = await db.query<{ actor_name: string; county_code: string; detail: Record<string, unknown> }>(
      `select actor_name, county_code, detail from audit_log where action = 'catalogue.import'`);
    expect(audit).toEqual([{ actor_name: '县管理员', county_code: '511922', detail: { created: 1, updated: 1, unchanged: 0, codesCreated: ['I-006'], codesUpdated: ['S-001'] } }]);
  });

  it('keeps stored materials when told the file had none, replaces them otherwise', async () => {
    const materials = async () => (await db.query<{ name: string }>(
      `select m.name from item_materials m join service_items i on i.id = m.item_id where i.code = 'I-006' and i.county_code = '511922' order by m.position`)).map((r) => r.name);
    await db.rpc('import_catalogue', { p_rows: [row('I-006', { materials: [] })], p_dry_run: false, p_now: NOW, p_replace_materials: false }, as(U.admin));
    expect(await materials()).toEqual(['身份证']);
    await db.rpc('import_catalogue', {
      p_rows: [row('I-006', { materials: [{ name: '户口簿', form: 'copy', copies: 2, condition: null, notes: null }, { name: '身份证', form: 'original', copies: 1, condition: null, notes: null }] })],
      p_dry_run: false, p_now: NOW,
    }, as(U.admin));
    expect(await materials()).toEqual(['户口簿', '身份证']);
  });
});

describe('bundles and departments', () => {
  it('a bundle may hold only items of the admin county; changes are audited', async () => {
    await expect(db.rpc('admin_save_bundle', { p_bundle: { code: 'B-1', name: '一件事', summary: 's', itemCodes: ['S-001', 'NOPE'] }, p_now: NOW }, as(U.admin)))
      .rejects.toMatchObject({ message: 'ITEM_CODES_UNKNOWN' });
    const b = await db.rpc<{ id: string; items: { code: string }[] }>('admin_save_bundle', {
      p_bundle: { code: 'B-1', name: '一件事', summary: 's', itemCodes: ['I-006', 'S-001'] }, p_now: NOW }, as(U.admin));
    expect(b.items.map((i) => i.code)).toEqual(['I-006', 'S-001']);
    await expect(db.rpc('admin_save_bundle', { p_bundle: { code: 'B-1', name: '一件事', summary: 's', itemCodes: ['S-001'] }, p_now: NOW, p_id: b.id }, as(U.adminOther)))
      .rejects.toMatchObject({ message: 'BUNDLE_NOT_FOUND' });
    expect(await count(`select count(*) as n from audit_log where action = 'catalogue.bundle_create' and target_id = '${b.id}'`)).toBe(1);
  });

  it('departments: created in the admin county, names unique there', async () => {
    const d = await db.rpc<{ id: string }>('admin_save_department', { p_code: 'new_dept', p_name: '县新局', p_now: NOW }, as(U.admin));
    await expect(db.rpc('admin_save_department', { p_code: 'new_dept2', p_name: '县新局', p_now: NOW }, as(U.admin)))
      .rejects.toMatchObject({ message: 'DEPARTMENT_TAKEN' });
    await expect(db.rpc('admin_save_department', { p_code: 'x_x', p_name: '改名', p_now: NOW, p_id: d.id }, as(U.adminOther)))
      .rejects.toMatchObject({ message: 'DEPARTMENT_NOT_FOUND' });
    expect(await db.query(`select county_code from departments where id = '${d.id}'`)).toEqual([{ county_code: '511922' }]);
  });
});
