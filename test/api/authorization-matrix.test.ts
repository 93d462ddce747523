// The authorization matrix (./authorization-matrix.ts): every operation of the OpenAPI document
// × every kind of caller, sent for real against the API with the demo data plus the accounts
// made here. Fails when an operation has no row, so new endpoints must be classified.
import type { Booking } from '../../server/contract/booking';
import type { AccountWithPassword, LoginResult } from '../../server/contract/accounts';
import { createFirstAdmin } from '../../server/accounts/bootstrap-admin';
import { allOf } from '../../server/http/api-app';
import { buildOpenApi } from '../../server/http/openapi';
import { OPERATIONS } from '../../server/http/operations';
import { centerId } from '../../supabase/seed/generate';
import { DEMO_STAFF_PASSWORD } from '../../supabase/seed/data/accounts';
import { type RunningApi, startApi } from '../support/api-server';
import { createTestDatabase, describeBackend, type TestDatabase } from '../support/database';
import { type FakeWechat, startFakeWechat } from '../support/fake-wechat';
import { CALLERS, type CallerName, type Fixtures, type Outcome, ROWS, TINY_PNG } from './authorization-matrix';

const NINE = new Date('2026-12-01T01:00:00Z'); // Tuesday 09:00 in Shanghai
let t: TestDatabase;
let api: RunningApi;
let wx: FakeWechat;
let fx: Fixtures;
const tokens: Partial<Record<CallerName, string>> = {};
let n = 0;
const fresh = () => `${Date.now().toString(36)}${++n}`;
const X = centerId('shahe');
const Y = centerId('zhengzhi');
const STRONG = 'matrix2026ok';

type ErrorBody = { error?: { code: string } };

beforeAll(async () => {
  console.info(`authorization matrix on ${describeBackend()}`);
  t = await createTestDatabase();
  wx = await startFakeWechat();
  api = await startApi(t.db, { WECHAT_APPID: wx.appid, WECHAT_SECRET: wx.secret, WECHAT_API_BASE: wx.url, WECHAT_TIMEOUT_MS: '2000' }, () => NINE);

  const login = async (username: string, password: string) => {
    const res = await api.call<LoginResult>('POST', '/api/auth/login', { body: { username, password } });
    if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.token;
  };
  const changed = async (token: string, from: string) => {
    const res = await api.call('POST', '/api/auth/password', { token, body: { currentPassword: from, newPassword: STRONG } });
    if (res.status !== 200) throw new Error(`password change: ${res.status} ${JSON.stringify(res.body)}`);
  };
  tokens.resident = await api.login('resident');
  tokens.family = await api.login('family');
  tokens.agent = await api.login('agent');
  tokens.staffX = await login('zhoumin', DEMO_STAFF_PASSWORD);
  tokens.managerX = await login('liujun', DEMO_STAFF_PASSWORD);
  tokens.admin = await login('admin', DEMO_STAFF_PASSWORD);

  const make = async (username: string, role: string, center: string | null) => {
    const res = await api.call<AccountWithPassword>('POST', '/api/admin/accounts', {
      token: tokens.admin, idempotencyKey: `make-${username}`, body: { username, displayName: username, role, centerId: center },
    });
    if (res.status !== 201) throw new Error(`create ${username}: ${res.status} ${JSON.stringify(res.body)}`);
    return { id: res.body.account.id, password: res.body.temporaryPassword! };
  };
  const ready = async (username: string, role: string, center: string | null) => {
    const a = await make(username, role, center);
    const token = await login(username, a.password);
    await changed(token, a.password);
    return { id: a.id, token };
  };
  tokens.staffY = (await ready('staff-y', 'staff', Y)).token;
  tokens.managerY = (await ready('manager-y', 'manager', Y)).token;
  const off = await ready('staff-off', 'staff', X);
  tokens.deactivated = off.token;
  const fresh1 = await make('staff-new', 'staff', X);
  tokens.mustChange = await login('staff-new', fresh1.password);
  const other = await createFirstAdmin(t.db, { county: '511921', 'county-name': '通江县', city: '巴中市', province: '四川省', username: 'admin-tj', name: '通江管理员' }, NINE);
  tokens.adminOther = await login('admin-tj', other.temporaryPassword);
  await changed(tokens.adminOther, other.temporaryPassword);
  const target = await ready('staff-target', 'staff', X);
  expect((await api.call('POST', `/api/admin/accounts/${off.id}/deactivate`, { token: tokens.admin })).status).toBe(200);

  // bookings and a case at X today, both the resident's (the case for another item)
  const items = (await api.get<{ rows: { id: string }[] }>(`/api/items?center=${X}&limit=5`)).body.rows.map((r) => r.id);
  const openSlots = async (itemId: string) => {
    const availability = await api.get<{ days: { slots: { start: string; remaining: number }[] }[] }>(
      `/api/availability?center=${X}&item=${itemId}&from=2026-12-01&to=2026-12-01`,
    );
    return availability.body.days[0]!.slots.filter((s) => s.remaining > 0 && new Date(s.start).getTime() > NINE.getTime() + 3600_000).map((s) => s.start);
  };
  const book = async (token: string, itemId: string, slotStart: string) => {
    const res = await api.call<Booking>('POST', '/api/bookings', { token, idempotencyKey: `book-${fresh()}`, body: { centerId: X, itemId, slotStart } });
    if (res.status !== 201) throw new Error(`book: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const item = items[0]!;
  const slots = await openSlots(item);
  const booking = await book(tokens.resident, item, slots[0]!);
  const caseBooking = await book(tokens.resident, items[1]!, (await openSlots(items[1]!))[1]!);
  expect((await api.call('POST', '/api/bookings/check-in', { token: tokens.staffX, body: { code: caseBooking.code } })).status).toBe(200);
  const accepted = await api.call<{ id: string }>('POST', '/api/cases', { token: tokens.staffX, idempotencyKey: `case-${fresh()}`, body: { bookingId: caseBooking.id } });
  expect(accepted.status).toBe(201);

  // centre configuration: a window and a consented staff profile with a photo at X, closures to remove
  const manage = (path: string, body?: unknown) =>
    api.call<any>(body === undefined ? 'GET' : 'POST', `/api/manage/centers/${X}${path}`, { token: tokens.managerX, body, idempotencyKey: `cfg-${fresh()}` });
  const config = await manage('');
  expect(config.status).toBe(200);
  const windowX = config.body.windows[0].id as string;
  const profile = await manage('/staff', { name: '矩阵公示', post: '民政窗口', dutyWeekdays: [1, 2, 3, 4, 5, 6, 7] });
  expect(profile.status).toBe(201);
  const staffProfileX = (profile.body.staff as { id: string; name: string }[]).find((s) => s.name === '矩阵公示')!.id;
  expect((await manage(`/staff/${staffProfileX}`, { consent: true })).status).toBe(200);
  expect((await manage(`/staff/${staffProfileX}/photo`, { contentType: 'image/png', data: TINY_PNG })).status).toBe(200);
  const closures: Partial<Record<CallerName, string>> = {};
  for (const [caller, day] of [['managerX', '2027-02-01'], ['admin', '2027-02-02']] as const) {
    const made = await manage('/closures', { from: day, to: day, reason: '矩阵测试停办' });
    expect(made.status).toBe(200);
    closures[caller] = (made.body.closures as { id: string; date: string }[]).find((c) => c.date === day)!.id;
  }
  const bundle = (await api.get<{ bundles: { id: string }[] }>('/api/bundles')).body.bundles[0]!.id;

  const walkIn = await api.call<{ id: string }>('POST', '/api/tickets', { token: tokens.staffX, idempotencyKey: `walk-${fresh()}`, body: {} });
  expect(walkIn.status).toBe(201);
  const board = await api.call<{ waiting: { id: string }[] }>('GET', '/api/queue', { token: tokens.staffX });
  const ticketX = board.body.waiting.at(-1)!.id;

  const adminGet = async <T>(path: string) => (await api.call<T>('GET', path, { token: tokens.admin })).body;
  const itemDetail = await adminGet<{ code: string; department: { code: string } }>(`/api/items/${item}`);
  const departments = await adminGet<{ departments: { id: string; code: string }[] }>('/api/admin/catalogue/departments');
  const department = departments.departments.find((d) => d.code === itemDetail.department.code)!;
  const bundleCode = (await adminGet<{ code: string }>(`/api/bundles/${bundle}`)).code;

  fx = {
    itemCode: itemDetail.code,
    departmentId: department.id,
    departmentCode: department.code,
    bundleCode,
    ticketX,
    bundle,
    windowX,
    staffProfileX,
    closureFor: (caller) => closures[caller] ?? closures.managerX!,
    centerX: X,
    centerY: Y,
    item,
    booking: { id: booking.id, code: booking.code, slotStart: booking.slotStart },
    slotStart: slots[2]!,
    caseId: accepted.body.id,
    account: target.id,
    unique: fresh,
    wechatCode: () => wx.loginCode(`matrix-${fresh()}`),
    phoneCode: () => wx.phoneCode('13800138000'),
  };
}, 120_000);

afterAll(async () => {
  await api?.close();
  await wx?.close();
  await t?.drop();
});

function defaultId(path: string): string {
  if (path.startsWith('/api/bookings/')) return fx.booking.id;
  if (path.startsWith('/api/cases/')) return fx.caseId;
  if (path.startsWith('/api/admin/accounts/')) return fx.account;
  if (path.startsWith('/api/centers/')) return fx.centerX;
  if (path.startsWith('/api/items/') || path.startsWith('/api/admin/catalogue/items/')) return fx.item;
  if (path.startsWith('/api/bundles/')) return fx.bundle;
  if (path.startsWith('/api/manage/centers/')) return fx.centerX;
  throw new Error(`authorization matrix: no fixture for ${path}; give the row an id`);
}

const value = <T>(v: T | ((f: Fixtures, c: CallerName) => T) | undefined, caller: CallerName): T | undefined =>
  typeof v === 'function' ? (v as (f: Fixtures, c: CallerName) => T)(fx, caller) : v;

/** What the caller got, in the matrix's terms. */
function outcomeOf(status: number): Outcome {
  if (status === 401 || status === 403 || status === 404) return status;
  return 'ok';
}

describe('authorization matrix', () => {
  const operations = Object.entries(buildOpenApi(allOf(OPERATIONS)).paths).flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`));

  it('has exactly one row for every OpenAPI operation (classify new endpoints in authorization-matrix.ts)', () => {
    const rows = ROWS.map((r) => r.operation);
    expect(operations.filter((op) => !rows.includes(op))).toEqual([]);
    expect(rows.filter((op) => !operations.includes(op))).toEqual([]);
    expect(rows.filter((op, i) => rows.indexOf(op) !== i)).toEqual([]);
  });

  // rows in the document's order; within a row the callers in CALLERS order
  it.each(ROWS.map((r) => [r.operation, r] as const))('%s', async (_op, r) => {
    const [method, template] = r.operation.split(' ') as [string, string];
    const got: Record<string, string> = {};
    const want: Record<string, string> = {};
    for (const caller of CALLERS) {
      const id = template.includes('{id}') ? (value(r.request.id, caller) ?? defaultId(template)) : undefined;
      const query = value(r.request.query, caller);
      const params = value(r.request.params, caller) ?? {};
      const filled = Object.entries(params).reduce((p, [name, v]) => p.replace(`{${name}}`, v), id ? template.replace('{id}', id) : template);
      const path = filled + (query ? `?${query}` : '');
      const body = method === 'POST' || method === 'PUT' ? (value(r.request.body, caller) ?? undefined) : undefined;
      if (/\{\w+\}/.test(path)) throw new Error(`authorization matrix: ${r.operation} has an unfilled placeholder (give the row params)`);
      const res = await api.call<ErrorBody>(method, path, {
        token: tokens[caller],
        body,
        idempotencyKey: method === 'POST' || method === 'PUT' ? `mx-${fresh()}` : undefined,
      });
      const outcome = outcomeOf(res.status);
      if (process.env.MATRIX_DEBUG && r.operation.includes(process.env.MATRIX_DEBUG)) console.log(caller, res.status, JSON.stringify(res.body).slice(0, 200));
      got[caller] = `${outcome}${outcome === 'ok' ? '' : ` ${res.body?.error?.code ?? ''}`}`;
      want[caller] = `${r.expected[caller]}`;
      // a 404 must be a not-found answer, not a missing route
      if (res.status === 404) expect(res.body?.error?.code).not.toBe('NOT_FOUND');
      // bad requests would hide a missing check: an allowed caller must pass validation
      if (r.expected[caller] === 'ok') expect([caller, res.body?.error?.code]).not.toEqual([caller, 'VALIDATION_FAILED']);
    }
    const compact = (o: Record<string, string>) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, v.split(' ')[0]]));
    expect({ op: r.operation, ...compact(got) }).toEqual({ op: r.operation, ...want });
  });
});
