// Catalogue administration over HTTP: county admins edit items, materials, bundles and
// departments, and import / export the catalogue spreadsheet (CSV and XLSX) with a dry run.
// Every action is also tried by those who may not (anonymous, resident, staff, manager, an
// admin of another county, a deactivated admin). Round trips: export → import changes nothing;
// export → modify → import the export again → export is byte-for-byte the original.
import iconv from 'iconv-lite';
import type { Availability, Booking } from '../../server/contract/booking';
import type { CenterSummary, ItemSearchPage } from '../../server/contract/catalogue';
import type {
  AdminBundle, AdminItem, AdminItemPage, CatalogueItemInput, Department, ImportReport, SaveItemResult,
} from '../../server/contract/catalogue-admin';
import { readXlsx } from '../../server/catalogue/spreadsheet/read';
import type { Caller } from '../../server/db/database';
import { type RunningApi, startApi } from '../support/api-server';
import { createTestDatabase, describeBackend, type TestDatabase } from '../support/database';

// Tuesday 1 December 2026, 09:00 in Shanghai
const clock = new Date('2026-12-01T01:00:00Z');
let t: TestDatabase;
let api: RunningApi;
let tokens: Record<string, string>;
let adminId: string;
let itemCount: number;
let n = 0;
const key = () => `cat-key-${++n}-${Date.now()}`;
type ErrorBody = { error: { code: string; message: string; fields?: Record<string, string>; details?: Record<string, any> } };

beforeAll(async () => {
  console.info(`catalogue admin API tests on ${describeBackend()}`);
  t = await createTestDatabase();
  api = await startApi(t.db, {}, () => clock);
  tokens = {};
  for (const login of ['resident', 'staff-shahe', 'manager-shahe', 'admin', 'admin-other', 'admin-off']) tokens[login] = await api.login(login);
  await t.db.exec(`
    insert into counties values ('511921', '通江县', '巴中市', '四川省') on conflict do nothing;
    insert into departments (county_code, code, name) values ('511921', 'civil_affairs', '通江县民政局');
    update users set app_role = 'admin', county_code = '511921' where dev_login = 'admin-other';
    update users set app_role = 'admin', county_code = '511922', active = false where dev_login = 'admin-off';
  `);
  adminId = (await t.db.query<{ id: string }>(`select id from users where dev_login = 'admin'`))[0]!.id;
  itemCount = Number((await t.db.query<{ n: string }>(`select count(*) as n from service_items where county_code = '511922'`))[0]!.n);
});

afterAll(async () => {
  await api?.close();
  await t?.drop();
});

const admin = () => tokens.admin!;

async function upload(token: string | undefined, bytes: Buffer, dryRun: boolean, contentType = 'application/octet-stream') {
  const headers: Record<string, string> = { 'Content-Type': contentType };
  if (token) headers.Authorization = `Bearer ${token}`;
  return api.get<ImportReport & ErrorBody>(`/api/admin/catalogue/import?dryRun=${dryRun}`, { method: 'POST', headers, body: new Uint8Array(bytes) });
}

async function download(format: 'csv' | 'xlsx', token = admin()): Promise<{ status: number; bytes: Buffer; headers: Headers }> {
  const res = await fetch(`${api.url}/api/admin/catalogue/export?format=${format}`, { headers: { Authorization: `Bearer ${token}` } });
  return { status: res.status, bytes: Buffer.from(await res.arrayBuffer()), headers: res.headers };
}

const csvText = (bytes: Buffer) => bytes.toString('utf8').replace(/^\uFEFF/, '');
const csvBytes = (text: string) => Buffer.from(`\uFEFF${text}`, 'utf8');

const newItem = (code: string, over: Partial<CatalogueItemInput> = {}): CatalogueItemInput => ({
  code,
  name: `测试事项${code}`,
  category: 'convenience',
  departmentCode: 'civil_affairs',
  handlingMode: 'immediate',
  legalDays: 5,
  promisedDays: 1,
  feeText: '不收费',
  summary: '用于测试的事项说明。',
  conditions: '本县居民。',
  maxVisits: 1,
  keywords: '测试',
  popularity: 3,
  published: true,
  materials: [
    { name: '申请人居民身份证', form: 'original', copies: 1, condition: null, notes: '核验后退还' },
    { name: '委托书', form: 'original', copies: 1, condition: '是否委托他人代办？', notes: null },
  ],
  ...over,
});

const ITEM_HEADER = '事项编码,事项名称,事项类型,实施部门,办理方式,法定时限（工作日）,承诺时限（工作日）,收费,办事指南/摘要,受理条件,最多跑几次,别名/关键词,热度,是否发布';
const MATERIAL_HEADER = '所属事项编码,序号,材料名称,材料形式,份数,是否必需,判断问题（视情况时填）,备注';

describe('who may administer the catalogue', () => {
  const attempts: [string, () => string | undefined, number, string][] = [
    ['anonymous', () => undefined, 401, 'UNAUTHENTICATED'],
    ['a resident', () => tokens.resident, 403, 'FORBIDDEN'],
    ['window staff', () => tokens['staff-shahe'], 403, 'FORBIDDEN'],
    ['a centre manager', () => tokens['manager-shahe'], 403, 'FORBIDDEN'],
    ['a deactivated admin', () => tokens['admin-off'], 401, 'UNAUTHENTICATED'],
  ];
  it.each(attempts)('%s cannot list, create, import or export', async (_who, token, status, code) => {
    const list = await api.call<ErrorBody>('GET', '/api/admin/catalogue/items', { token: token() });
    expect([list.status, list.body.error.code]).toEqual([status, code]);
    const create = await api.call<ErrorBody>('POST', '/api/admin/catalogue/items', { token: token(), idempotencyKey: key(), body: newItem('X-DENIED') });
    expect([create.status, create.body.error.code]).toEqual([status, code]);
    const imported = await upload(token(), csvBytes(`${ITEM_HEADER}\r\n`), false);
    expect([imported.status, imported.body.error.code]).toEqual([status, code]);
    const exported = await api.call<ErrorBody>('GET', '/api/admin/catalogue/export?format=csv', { token: token() });
    expect([exported.status, exported.body.error.code]).toEqual([status, code]);
    const bundles = await api.call<ErrorBody>('GET', '/api/admin/catalogue/bundles', { token: token() });
    expect(bundles.status).toBe(status);
    expect((await t.db.query(`select 1 from service_items where code = 'X-DENIED'`)).length).toBe(0);
  });

  it('an admin of another county sees and changes only their own county', async () => {
    const other = tokens['admin-other'];
    const list = await api.call<AdminItemPage>('GET', '/api/admin/catalogue/items', { token: other });
    expect(list.body.total).toBe(0);
    const ours = (await api.call<AdminItemPage>('GET', '/api/admin/catalogue/items?q=MZ-001', { token: admin() })).body.rows[0]!;
    const get = await api.call<ErrorBody>('GET', `/api/admin/catalogue/items/${ours.id}`, { token: other });
    expect([get.status, get.body.error.code]).toEqual([404, 'ITEM_NOT_FOUND']);
    const put = await api.call<ErrorBody>('PUT', `/api/admin/catalogue/items/${ours.id}`, { token: other, body: newItem('MZ-001') });
    expect(put.body.error.code).toBe('ITEM_NOT_FOUND');
    const publish = await api.call<ErrorBody>('POST', `/api/admin/catalogue/items/${ours.id}/publish`, { token: other, body: { published: false } });
    expect(publish.body.error.code).toBe('ITEM_NOT_FOUND');
    // the same code imported by the other county is the other county's own item
    const csv = `${ITEM_HEADER}\r\nMZ-001,通江的低保,行政确认,通江县民政局,承诺办,30,20,不收费,说明,条件,1,,0,是\r\n`;
    const res = await upload(other, csvBytes(csv), false);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ created: 1, updated: 0, errors: [] });
    const names = await t.db.query<{ county_code: string; name: string }>(`select county_code, name from service_items where code = 'MZ-001' order by county_code`);
    expect(names).toEqual([{ county_code: '511921', name: '通江的低保' }, { county_code: '511922', name: '最低生活保障申请' }]);
    // and their export holds only it
    const exported = csvText((await download('csv', other)).bytes);
    expect(exported).toContain('通江的低保');
    expect(exported).not.toContain('最低生活保障申请');
  });
});

describe('items and their materials', () => {
  let created: SaveItemResult;

  it('creates an item with its ordered materials (Idempotency-Key required; a retry answers the same)', async () => {
    const missingKey = await api.call<ErrorBody>('POST', '/api/admin/catalogue/items', { token: admin(), body: newItem('TEST-001') });
    expect(missingKey.body.error.code).toBe('IDEMPOTENCY_KEY_REQUIRED');
    const k = key();
    const res = await api.call<SaveItemResult>('POST', '/api/admin/catalogue/items', { token: admin(), idempotencyKey: k, body: newItem('TEST-001') });
    expect(res.status).toBe(201);
    created = res.body;
    expect(created).toMatchObject({
      status: 'created',
      item: { code: 'TEST-001', departmentName: '县民政局', published: true, isSample: false, materials: [
        { name: '申请人居民身份证', requirement: 'required', condition: null },
        { name: '委托书', requirement: 'conditional', condition: '是否委托他人代办？' },
      ] },
    });
    const again = await api.call<SaveItemResult>('POST', '/api/admin/catalogue/items', { token: admin(), idempotencyKey: k, body: newItem('TEST-001') });
    expect(again.status).toBe(201);
    expect(again.body.item.id).toBe(created.item.id);
    const taken = await api.call<ErrorBody>('POST', '/api/admin/catalogue/items', { token: admin(), idempotencyKey: key(), body: newItem('TEST-001') });
    expect([taken.status, taken.body.error.code]).toEqual([409, 'ITEM_CODE_TAKEN']);
    // residents find it at once, by its name and by pinyin
    const search = await api.get<ItemSearchPage>(`/api/items?q=${encodeURIComponent('测试事项TEST-001')}`);
    expect(search.body.rows.map((r) => r.code)).toContain('TEST-001');
    const pinyin = await api.get<ItemSearchPage>('/api/items?q=ceshishixiang');
    expect(pinyin.body.rows.map((r) => r.code)).toContain('TEST-001');
  });

  it('refuses bad input with a plain message per field', async () => {
    const res = await api.call<ErrorBody>('POST', '/api/admin/catalogue/items', {
      token: admin(),
      idempotencyKey: key(),
      body: newItem('bad code!', { materials: [{ name: '证', form: 'paper' as never, copies: 1, condition: null, notes: null }] }),
    });
    expect(res.status).toBe(422);
    expect(res.body.error.fields).toMatchObject({
      code: expect.stringContaining('事项编码'),
      'materials.0.name': expect.stringContaining('至少2个字'),
      'materials.0.form': expect.stringContaining('材料形式'),
    });
    const late = await api.call<ErrorBody>('POST', '/api/admin/catalogue/items', {
      token: admin(), idempotencyKey: key(), body: newItem('TEST-003', { legalDays: 3, promisedDays: 10 }),
    });
    expect(late.body.error.fields).toEqual({ promisedDays: '承诺时限不能超过法定时限' });
    const unknownDept = await api.call<ErrorBody>('POST', '/api/admin/catalogue/items', {
      token: admin(), idempotencyKey: key(), body: newItem('TEST-002', { departmentCode: 'no_such' }),
    });
    expect(unknownDept.body.error.code).toBe('DEPARTMENT_NOT_FOUND');
  });

  it('replaces the materials list as a whole, in the new order, and audits which fields changed', async () => {
    const id = created.item.id;
    const body = newItem('TEST-001', {
      name: '测试事项改名',
      materials: [
        { name: '委托书', form: 'original', copies: 1, condition: '是否委托他人代办？', notes: null },
        { name: '户口簿', form: 'original_and_copy', copies: 2, condition: null, notes: null },
      ],
    });
    const res = await api.call<SaveItemResult>('PUT', `/api/admin/catalogue/items/${id}`, { token: admin(), body });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('updated');
    expect(res.body.item.materials.map((m) => m.name)).toEqual(['委托书', '户口簿']);
    const same = await api.call<SaveItemResult>('PUT', `/api/admin/catalogue/items/${id}`, { token: admin(), body });
    expect(same.body.status).toBe('unchanged');
    const positions = await t.db.query<{ position: number; name: string }>(`select position, name from item_materials where item_id = '${id}' order by position`);
    expect(positions).toEqual([{ position: 1, name: '委托书' }, { position: 2, name: '户口簿' }]);
    const log = await auditRows('catalogue.item');
    expect(log.find((r) => r.action === 'catalogue.item_update')).toMatchObject({
      actorName: '县政务服务管理员', targetId: id, detail: { code: 'TEST-001', changed: ['materials', 'name'] },
    });
    expect(log.filter((r) => r.action === 'catalogue.item_update')).toHaveLength(1); // "unchanged" writes nothing
    expect(log.find((r) => r.action === 'catalogue.item_create')).toMatchObject({ targetId: id });
  });

  it('unpublishing hides the item; with future bookings it asks first, then keeps them', async () => {
    const shahe = (await api.get<{ centers: CenterSummary[] }>('/api/centers?kind=center')).body.centers.find((c) => c.name.includes('沙河镇'))!;
    const offered = (await api.get<ItemSearchPage>(`/api/items?center=${shahe.id}&limit=5`)).body.rows[0]!;
    const { body: availability } = await api.get<Availability>(`/api/availability?center=${shahe.id}&item=${offered.id}&from=2026-12-01&to=2026-12-01`);
    const slot = availability.days[0]!.slots.find((s) => s.remaining > 0 && new Date(s.start).getTime() > clock.getTime() + 3600_000)!;
    const booking = await api.call<Booking>('POST', '/api/bookings', {
      token: tokens.resident, idempotencyKey: key(), body: { centerId: shahe.id, itemId: offered.id, slotStart: slot.start },
    });
    expect(booking.status).toBe(201);

    const refused = await api.call<ErrorBody>('POST', `/api/admin/catalogue/items/${offered.id}/publish`, { token: admin(), body: { published: false } });
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ code: 'ITEM_HAS_FUTURE_BOOKINGS', details: { count: 1 } });
    expect(refused.body.error.message).toContain('1个未到期的预约');
    const done = await api.call<AdminItem>('POST', `/api/admin/catalogue/items/${offered.id}/publish`, { token: admin(), body: { published: false, keepBookings: true } });
    expect(done.status).toBe(200);
    expect(done.body.published).toBe(false);
    expect((await api.get(`/api/items/${offered.id}`)).status).toBe(404);
    const kept = await api.call<Booking>('GET', `/api/bookings/${booking.body.id}`, { token: tokens.resident });
    expect(kept.body.status).toBe('booked');
    // the admin still sees it, marked
    const hidden = await api.call<AdminItemPage>('GET', '/api/admin/catalogue/items?published=false', { token: admin() });
    expect(hidden.body.rows.map((r) => r.id)).toContain(offered.id);
    const log = await auditRows('catalogue.item_unpublish');
    expect(log[0]).toMatchObject({ detail: { code: offered.code, futureBookingsKept: 1 } });
    const back = await api.call<AdminItem>('POST', `/api/admin/catalogue/items/${offered.id}/publish`, { token: admin(), body: { published: true } });
    expect(back.body.published).toBe(true);
  });
});

describe('departments and bundles', () => {
  it('adds and renames a department; a duplicate is refused', async () => {
    const res = await api.call<Department>('POST', '/api/admin/catalogue/departments', { token: admin(), body: { code: 'test_dept', name: '县测试局', sortOrder: 99 } });
    expect(res.status).toBe(201);
    const dup = await api.call<ErrorBody>('POST', '/api/admin/catalogue/departments', { token: admin(), body: { code: 'test_dept2', name: '县测试局' } });
    expect([dup.status, dup.body.error.code]).toEqual([409, 'DEPARTMENT_TAKEN']);
    const renamed = await api.call<Department>('PUT', `/api/admin/catalogue/departments/${res.body.id}`, { token: admin(), body: { code: 'test_dept', name: '县测试管理局' } });
    expect(renamed.body.name).toBe('县测试管理局');
    const list = await api.call<{ departments: Department[] }>('GET', '/api/admin/catalogue/departments', { token: admin() });
    expect(list.body.departments.map((d) => d.name)).toContain('县测试管理局');
    const bad = await api.call<ErrorBody>('POST', '/api/admin/catalogue/departments', { token: admin(), body: { code: 'Bad Code', name: '县' } });
    expect(bad.body.error.fields).toMatchObject({ code: expect.any(String), name: expect.any(String) });
  });

  it('creates and edits a bundle with its ordered items; unknown codes are named', async () => {
    const input = { code: 'YJS-T01', name: '测试一件事', summary: '几件事一次办。', keywords: '测试', popularity: 1, published: true, itemCodes: ['MZ-002', 'MZ-001'] };
    const res = await api.call<AdminBundle>('POST', '/api/admin/catalogue/bundles', { token: admin(), idempotencyKey: key(), body: input });
    expect(res.status).toBe(201);
    expect(res.body.items.map((i) => i.code)).toEqual(['MZ-002', 'MZ-001']);
    const edited = await api.call<AdminBundle>('PUT', `/api/admin/catalogue/bundles/${res.body.id}`, { token: admin(), body: { ...input, itemCodes: ['MZ-001', 'MZ-003'] } });
    expect(edited.body.items.map((i) => i.code)).toEqual(['MZ-001', 'MZ-003']);
    const unknown = await api.call<ErrorBody>('PUT', `/api/admin/catalogue/bundles/${res.body.id}`, { token: admin(), body: { ...input, itemCodes: ['MZ-001', 'NO-999'] } });
    expect(unknown.body.error).toMatchObject({ code: 'ITEM_CODES_UNKNOWN', message: expect.stringContaining('NO-999') });
    const dupCode = await api.call<ErrorBody>('POST', '/api/admin/catalogue/bundles', { token: admin(), idempotencyKey: key(), body: input });
    expect(dupCode.body.error.code).toBe('BUNDLE_CODE_TAKEN');
    const publicList = await api.get<{ bundles: { code: string }[] }>('/api/bundles');
    expect(publicList.body.bundles.map((b) => b.code)).toContain('YJS-T01');
    const log = await auditRows('catalogue.bundle');
    expect(log.map((r) => r.action)).toEqual(['catalogue.bundle_update', 'catalogue.bundle_create']);
  });
});

describe('spreadsheet export and import', () => {
  it('exports CSV with a BOM, a download name and gzip; XLSX with two sheets', async () => {
    const csv = await download('csv');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('content-disposition')).toMatch(/^attachment; filename=".*\.csv"; filename\*=UTF-8''.*%E5%8D%97%E6%B1%9F%E5%8E%BF/);
    expect(csv.headers.get('cache-control')).toBe('private, no-store');
    expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csvText(csv.bytes).split('\r\n')[0]).toBe(ITEM_HEADER);
    expect(csvText(csv.bytes)).toContain(`\r\n\r\n${MATERIAL_HEADER}\r\n`);
    const raw = await fetch(`${api.url}/api/admin/catalogue/export?format=csv`, { headers: { Authorization: `Bearer ${admin()}`, 'Accept-Encoding': 'gzip' } });
    expect(raw.headers.get('content-encoding')).toBe('gzip');
    const xlsx = await download('xlsx');
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
    const tables = await readXlsx(xlsx.bytes);
    expect(tables.items.header[0]).toBe('事项编码');
    expect(tables.items.rows.length).toBeGreaterThanOrEqual(itemCount);
    expect(tables.materials!.header[0]).toBe('所属事项编码');
  });

  it.each(['csv', 'xlsx'] as const)('an exported %s imports back with nothing to change', async (format) => {
    const file = await download(format);
    const res = await upload(admin(), file.bytes, true);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ dryRun: true, format, errors: [], created: 0, updated: 0 });
    expect(res.body.unchanged).toBe(res.body.itemRows);
    expect(res.body.encoding).toBe(format === 'csv' ? 'utf-8' : null);
  });

  it.each(['csv', 'xlsx'] as const)('export → modify → import the export → export is the original (%s)', async (format) => {
    const original = await download('csv');
    const originalFile = await download(format);
    // modify: rename an item, change another's materials, unpublish a third
    await t.db.exec(`
      update service_items set name = '被改掉的名称' where code = 'MZ-002' and county_code = '511922';
      delete from item_materials where item_id = (select id from service_items where code = 'MZ-003' and county_code = '511922') and position = 1;
      update service_items set published = false where code = 'MZ-004' and county_code = '511922';
    `);
    const dry = await upload(admin(), originalFile.bytes, true);
    expect(dry.body).toMatchObject({ errors: [], created: 0, updated: 3 });
    expect(dry.body.rows.filter((r) => r.status === 'updated').map((r) => r.code).sort()).toEqual(['MZ-002', 'MZ-003', 'MZ-004']);
    expect((await t.db.query(`select 1 from service_items where name = '被改掉的名称'`)).length).toBe(1); // dry run wrote nothing
    const applied = await upload(admin(), originalFile.bytes, false);
    expect(applied.body).toMatchObject({ dryRun: false, updated: 3, created: 0 });
    const after = await download('csv');
    expect(after.bytes.equals(original.bytes)).toBe(true);
    const log = await auditRows('catalogue.import');
    expect(log[0]!.detail).toMatchObject({ updated: 3, created: 0, codesUpdated: expect.arrayContaining(['MZ-002', 'MZ-003', 'MZ-004']) });
  });

  it('creates and updates from an edited CSV, and the new item is searchable', async () => {
    const csv = [
      ITEM_HEADER,
      'NEW-001,农机购置补贴申请,公共服务,县农业农村局,承诺办,20个工作日,10,不收费,"买了农机的农户，可以申请购置补贴。\n按年度补贴目录执行。",购买目录内农机的本县农户,1,农机补贴 买农机,5,是',
      '',
      MATERIAL_HEADER,
      'NEW-001,2,购机发票,原件,1,必需,,',
      'NEW-001,1,申请人居民身份证,原件,1,必需,,核验后退还',
      'NEW-001,3,委托书,原件,1,视情况,是否委托他人代办？,',
    ].join('\r\n');
    const res = await upload(admin(), csvBytes(csv), false);
    expect(res.body).toMatchObject({ errors: [], created: 1, updated: 0, unchanged: 0, materialsReplaced: true });
    const item = (await api.call<AdminItemPage>('GET', '/api/admin/catalogue/items?q=NEW-001', { token: admin() })).body.rows[0]!;
    const detail = (await api.call<AdminItem>('GET', `/api/admin/catalogue/items/${item.id}`, { token: admin() })).body;
    expect(detail).toMatchObject({ legalDays: 20, summary: '买了农机的农户，可以申请购置补贴。\n按年度补贴目录执行。' });
    expect(detail.materials.map((m) => m.name)).toEqual(['申请人居民身份证', '购机发票', '委托书']);
    expect((await api.get<ItemSearchPage>(`/api/items?q=${encodeURIComponent('农机补贴')}`)).body.rows.map((r) => r.code)).toContain('NEW-001');
    // a file without the 材料 part keeps the stored materials
    const itemsOnly = `${ITEM_HEADER}\r\nNEW-001,农机购置补贴申请（新）,公共服务,县农业农村局,承诺办,20,10,不收费,说明,条件,1,,5,是\r\n`;
    const kept = await upload(admin(), csvBytes(itemsOnly), false);
    expect(kept.body).toMatchObject({ updated: 1, materialsReplaced: false });
    expect((await api.call<AdminItem>('GET', `/api/admin/catalogue/items/${item.id}`, { token: admin() })).body.materials).toHaveLength(3);
  });

  it('reads a GBK/GB18030 CSV (what Excel on Chinese Windows saves)', async () => {
    const text = `${ITEM_HEADER}\r\nGBK-001,农村危房改造申请,公共服务,县住房和城乡建设局,承诺办,30,20,不收费,住房不安全的困难农户可以申请危房改造补助。,困难农户,1,危房 改房子,1,是\r\n`;
    const res = await upload(admin(), iconv.encode(text, 'gbk'), true);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ encoding: 'gb18030', errors: [], created: 1 });
  });

  it('reports every row problem with row, column and a plain message, and writes nothing', async () => {
    const before = await t.db.query(`select count(*) as n from service_items`);
    const csv = [
      ITEM_HEADER,
      'ERR-001,好的事项,便民服务,县民政局,即办,5,0,,说明,条件,1,,0,是', // row 2: fine
      'ERR-002,承诺超期,便民服务,县民政局,即办,5,9,,说明,条件,1,,0,是', // row 3: promised > legal
      'ERR-003,部门不对,便民服务,县外星局,即办,5,1,,说明,条件,1,,0,是', // row 4: unknown department
      'ERR-001,重复编码,大事项,县民政局,快办,五,1,,说明,条件,1,,0,可能', // row 5: duplicate + labels + number + yes/no
      '坏 编码,,便民服务,县民政局,即办,5,1,,说明,,1,,0,是', // row 6: code, name, conditions
      '',
      MATERIAL_HEADER,
      'ERR-001,1,身份证,原件,1,必需,,', // row 9: fine
      'NOPE-9,1,身份证,原件,1,必需,,', // row 10: unknown item
      'ERR-001,1,户口簿,纸质,1,视情况,,', // row 11: duplicate position, bad form, missing question
    ].join('\r\n');
    const res = await upload(admin(), csvBytes(csv), true);
    expect(res.status).toBe(200);
    const errors = res.body.errors.map((e) => `${e.sheet}|${e.row}|${e.column}|${e.message}`);
    const expectOne = (sheet: string, row: number, column: string | null, text: string) =>
      expect(errors).toContainEqual(expect.stringMatching(new RegExp(`^${sheet}\\|${row}\\|${column ?? 'null'}\\|.*${text}`)));
    expectOne('事项', 3, '承诺时限（工作日）', '承诺时限不能超过法定时限');
    expectOne('事项', 4, '实施部门', '没有“县外星局”这个实施部门');
    expectOne('事项', 5, '事项编码', '与第2行重复');
    expectOne('事项', 5, '事项类型', '事项类型“大事项”不对');
    expectOne('事项', 5, '办理方式', '办理方式“快办”不对');
    expectOne('事项', 5, '法定时限（工作日）', '应填整数');
    expectOne('事项', 5, '是否发布', '只能填“是”或“否”');
    expectOne('事项', 6, '事项编码', '事项编码只能用字母');
    expectOne('事项', 6, '事项名称', '请填写事项名称');
    expectOne('事项', 6, '受理条件', '请填写受理条件');
    expectOne('材料', 10, '所属事项编码', '“NOPE-9”不在“事项”表中');
    expectOne('材料', 11, '序号', '序号1与第9行重复');
    expectOne('材料', 11, '材料形式', '材料形式“纸质”不对');
    expectOne('材料', 11, '判断问题（视情况时填）', '要写判断问题');
    // ERR-001 is valid but its material row 11 is not: only nothing-wrong rows are counted
    expect(res.body).toMatchObject({ itemRows: 5, materialRows: 3, created: 0, dryRun: true });
    const applied = await upload(admin(), csvBytes(csv), false);
    expect(applied.status).toBe(422);
    expect(applied.body.error).toMatchObject({ code: 'IMPORT_INVALID', details: { errorCount: res.body.errors.length } });
    expect(applied.body.error.details!.report.errors).toHaveLength(res.body.errors.length);
    expect(await t.db.query(`select count(*) as n from service_items`)).toEqual(before);
  });

  it('refuses wrong or missing columns, naming them', async () => {
    const csv = `事项编码,名称,事项类型,实施部门,办理方式,法定时限,承诺时限,办事指南,受理条件,最多跑几次,颜色\r\nA-1,x,便民服务,县民政局,即办,1,1,s,c,1,红\r\n`;
    const res = await upload(admin(), csvBytes(csv), true);
    expect(res.status).toBe(200);
    const messages = res.body.errors.map((e) => e.message);
    expect(messages).toContainEqual(expect.stringContaining('不认识的列“名称”'));
    expect(messages).toContainEqual(expect.stringContaining('不认识的列“颜色”'));
    expect(messages).toContainEqual(expect.stringContaining('缺少必填的列：“事项名称”'));
    expect(res.body.errors.every((e) => e.row === 1)).toBe(true);
  });

  it.each<[string, () => Buffer, string, number, string]>([
    ['an empty file', () => Buffer.alloc(0), 'application/octet-stream', 422, 'IMPORT_FILE_EMPTY'],
    ['only a BOM and blank lines', () => csvBytes('\r\n\r\n'), 'application/octet-stream', 422, 'IMPORT_FILE_EMPTY'],
    ['binary junk', () => Buffer.from(Array.from({ length: 3000 }, (_, i) => (i * 7919 + 13) % 256)), 'application/octet-stream', 422, 'IMPORT_FILE_UNREADABLE'],
    ['invalid bytes in text', () => Buffer.concat([csvBytes(ITEM_HEADER), Buffer.from([0x0d, 0x0a, 0x01, 0x02, 0xff, 0xfe, 0x00])]), 'application/octet-stream', 422, 'IMPORT_FILE_UNREADABLE'],
    ['an old .xls workbook', () => Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]), 'application/octet-stream', 415, 'IMPORT_FORMAT_UNSUPPORTED'],
    ['a broken zip posing as xlsx', () => Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(100, 1)]), 'application/octet-stream', 422, 'IMPORT_FILE_UNREADABLE'],
    ['a file over 4 MB', () => csvBytes(`${ITEM_HEADER}\r\n${'A'.repeat(4.2 * 1024 * 1024)}`), 'application/octet-stream', 413, 'IMPORT_FILE_TOO_LARGE'],
    ['a body over the route limit', () => Buffer.alloc(5 * 1024 * 1024, 0x41), 'application/octet-stream', 413, 'PAYLOAD_TOO_LARGE'],
    ['more than 5000 items', () => csvBytes(`${ITEM_HEADER}\r\n${Array.from({ length: 5001 }, (_, i) => `R-${i},n`).join('\r\n')}`), 'application/octet-stream', 413, 'IMPORT_TOO_MANY_ROWS'],
    ['a JSON body', () => Buffer.from('{"rows":[]}'), 'application/json', 415, 'UNSUPPORTED_MEDIA_TYPE'],
  ])('refuses %s with a clear error', async (_what, bytes, type, status, code) => {
    const res = await upload(admin(), bytes(), true, type);
    expect([res.status, res.body.error?.code]).toEqual([status, code]);
    expect(res.body.error.message).toMatch(/[\u4e00-\u9fff]/);
  });

  it('neutralises cells that spreadsheet programs would run as formulas, and still round-trips', async () => {
    const evil = newItem('EVIL-001', {
      name: '=HYPERLINK("http://evil.example","点我")',
      keywords: '@SUM(1+1)',
      feeText: '-2+3',
      materials: [{ name: '+cmd|calc!A1', form: 'copy', copies: 1, condition: null, notes: '=1+1' }],
    });
    expect((await api.call('POST', '/api/admin/catalogue/items', { token: admin(), idempotencyKey: key(), body: evil })).status).toBe(201);
    const csv = csvText((await download('csv')).bytes);
    const line = csv.split('\r\n').find((l) => l.startsWith('EVIL-001,'))!;
    expect(line).toContain(`"'=HYPERLINK(""http://evil.example"",""点我"")"`);
    expect(line).toContain(`'@SUM(1+1)`);
    expect(line).toContain(`'-2+3`);
    expect(csv).toContain(`EVIL-001,1,'+cmd|calc!A1,复印件,1,必需,,'=1+1`);
    expect(csv.split(/[\r\n,]/).some((cell) => /^[=+\-@]/.test(cell))).toBe(false);
    const xlsx = await readXlsx((await download('xlsx')).bytes);
    const row = xlsx.items.rows.find((r) => r.cells[0] === 'EVIL-001')!;
    expect(row.cells[1]).toBe(`'=HYPERLINK("http://evil.example","点我")`);
    for (const format of ['csv', 'xlsx'] as const) {
      const res = await upload(admin(), (await download(format)).bytes, true);
      expect(res.body).toMatchObject({ errors: [], created: 0, updated: 0 });
    }
  });
});

interface AuditRow {
  action: string;
  actorName: string;
  targetId: string;
  detail: Record<string, unknown>;
}

async function auditRows(prefix: string): Promise<AuditRow[]> {
  const caller: Caller = { role: 'authenticated', claims: { sub: adminId, app_role: 'admin' } };
  return (await t.db.rpc<{ rows: AuditRow[] }>('list_audit_log', { p_action_prefix: prefix }, caller)).rows;
}
