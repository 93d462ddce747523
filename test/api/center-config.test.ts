// Centre configuration over HTTP against a real database, with the server's clock fixed: every
// action of a manager and a county admin, its denial for others, validation errors, slots
// brought in line with a new capacity while booked seats are kept, closures over booked days,
// booking rules, and the public staff-on-duty notice with consent and photos. Each change is
// checked for its audit row.
import type { Availability, Booking, BookingDetail } from '../../server/contract/booking';
import type { CenterSummary, ItemSummary, Page } from '../../server/contract/catalogue';
import type { CenterConfig, OnDuty } from '../../server/contract/center-config';
import { type RunningApi, startApi } from '../support/api-server';
import { createTestDatabase, describeBackend, type TestDatabase } from '../support/database';

// Tuesday 1 December 2026, 09:00 in Shanghai
const clock = new Date('2026-12-01T01:00:00Z');
let t: TestDatabase;
let api: RunningApi;
let center: CenterSummary;
let other: CenterSummary;
let items: ItemSummary[];
let tok: Record<string, string>;
let n = 0;
const key = () => `cfg-key-${++n}-${Date.now()}`;

beforeAll(async () => {
  console.info(`centre configuration API tests on ${describeBackend()}`);
  t = await createTestDatabase();
  api = await startApi(t.db, {}, () => clock);
  const centers = (await api.get<{ centers: CenterSummary[] }>('/api/centers?kind=center')).body.centers;
  center = centers.find((c) => c.name.startsWith('沙河镇'))!;
  other = centers.find((c) => c.id !== center.id)!;
  items = (await api.get<Page<ItemSummary>>(`/api/items?center=${center.id}&limit=20`)).body.rows;
  tok = {};
  for (const login of ['resident', 'staff-shahe', 'manager-shahe', 'admin']) tok[login] = await api.login(login);
}, 120_000);

afterAll(async () => {
  await api?.close();
  await t?.drop();
});

const base = () => `/api/manage/centers/${center.id}`;
const post = <T = any>(who: string, path: string, body: unknown, idempotencyKey?: string) =>
  api.call<T>('POST', path, { token: tok[who], body, idempotencyKey });
const config = async (who = 'manager-shahe') => (await api.call<CenterConfig>('GET', base(), { token: tok[who] })).body;
const audits = async (action: string) =>
  (await t.db.query<{ n: number }>(`select count(*)::int as n from audit_log where action = $1 and center_id = $2`, [action, center.id]))[0]!.n;
const availability = (itemId: string, from: string, to = from) =>
  api.get<Availability>(`/api/availability?center=${center.id}&item=${itemId}&from=${from}&to=${to}`);
const book = (itemId: string, slotStart: string, who = 'resident') =>
  api.call<Booking>('POST', '/api/bookings', { token: tok[who], body: { centerId: center.id, itemId, slotStart }, idempotencyKey: key() });

describe('who may configure a centre', () => {
  it('lists the centres in scope: a manager their own, an admin the county', async () => {
    const mine = await api.call('GET', '/api/manage/centers', { token: tok['manager-shahe'] });
    expect(mine.status).toBe(200);
    expect(mine.body.centers.map((c: { id: string }) => c.id)).toEqual([center.id]);
    const county = await api.call('GET', '/api/manage/centers', { token: tok.admin });
    expect(county.body.centers.length).toBeGreaterThan(30);
    expect((await api.call('GET', '/api/manage/centers', { token: tok.resident })).status).toBe(403);
    expect((await api.call('GET', '/api/manage/centers', { token: tok['staff-shahe'] })).status).toBe(403);
    expect((await api.call('GET', '/api/manage/centers')).status).toBe(401);
  });

  it('reads the configuration for the manager and the admin, not for others', async () => {
    const c = await config();
    expect(c.center.id).toBe(center.id);
    expect(c.windows.length).toBeGreaterThan(0);
    expect(c.templates.length).toBeGreaterThan(0);
    expect(c.rules.open_days_ahead).toBe(14);
    expect((await config('admin')).center.id).toBe(center.id);
    for (const who of ['resident', 'staff-shahe']) {
      const r = await api.call('GET', base(), { token: tok[who] });
      expect(r.status).toBe(403);
      expect(r.body.error.code).toBe('FORBIDDEN');
    }
    const foreign = await api.call('GET', `/api/manage/centers/${other.id}`, { token: tok['manager-shahe'] });
    expect(foreign.status).toBe(403);
    expect((await api.call('GET', '/api/manage/centers/not-a-uuid', { token: tok.admin })).status).toBe(400);
    expect((await api.call('GET', '/api/manage/centers/00000000-0000-4000-8000-000000000000', { token: tok.admin })).body.error.code).toBe('CENTER_NOT_FOUND');
  });
});

describe('opening hours', () => {
  const hours = [
    { weekday: 1, opens: '08:30', closes: '12:00' },
    { weekday: 1, opens: '14:00', closes: '17:30' },
    { weekday: 6, opens: '09:00', closes: '12:00' },
  ];

  it('replaces the week, is public at once and audited', async () => {
    const r = await post<CenterConfig>('manager-shahe', `${base()}/hours`, { hours });
    expect(r.status).toBe(200);
    expect(r.body.openingHours).toEqual(hours);
    const pub = await api.get<{ openingHours: unknown[] }>(`/api/centers/${center.id}`);
    expect(pub.body.openingHours).toEqual(hours);
    expect(await audits('center.hours')).toBe(1);
  });

  it('refuses overlaps, closes before opens, bad times, and other callers', async () => {
    const overlap = await post('manager-shahe', `${base()}/hours`, { hours: [hours[0], { weekday: 1, opens: '11:00', closes: '13:00' }] });
    expect(overlap.status).toBe(422);
    expect(overlap.body.error.fields.hours).toMatch('重叠');
    const reversed = await post('manager-shahe', `${base()}/hours`, { hours: [{ weekday: 2, opens: '12:00', closes: '08:00' }] });
    expect(reversed.body.error.fields['hours.0.closes']).toMatch('早于');
    const bad = await post('manager-shahe', `${base()}/hours`, { hours: [{ weekday: 8, opens: '8:30', closes: '12:00' }] });
    expect(Object.keys(bad.body.error.fields)).toEqual(expect.arrayContaining(['hours.0.weekday', 'hours.0.opens']));
    expect((await post('staff-shahe', `${base()}/hours`, { hours })).status).toBe(403);
    expect((await post('manager-shahe', `/api/manage/centers/${other.id}/hours`, { hours })).status).toBe(403);
    expect(await audits('center.hours')).toBe(1);
  });
});

describe('windows and items', () => {
  let windowId = '';
  it('creates a window once per Idempotency-Key, refuses a taken number', async () => {
    const body = { number: 9, name: '不动产窗口', itemIds: [items[0]!.id] };
    expect((await post('manager-shahe', `${base()}/windows`, body)).body.error.code).toBe('IDEMPOTENCY_KEY_REQUIRED');
    const k = key();
    const first = await post<CenterConfig>('manager-shahe', `${base()}/windows`, body, k);
    expect(first.status).toBe(201);
    const again = await post<CenterConfig>('manager-shahe', `${base()}/windows`, body, k);
    expect(again.status).toBe(201);
    const nine = first.body.windows.filter((w) => w.number === 9);
    expect(nine).toHaveLength(1);
    expect(nine[0]!.itemIds).toEqual([items[0]!.id]);
    windowId = nine[0]!.id;
    const taken = await post('manager-shahe', `${base()}/windows`, body, key());
    expect(taken.status).toBe(409);
    expect(taken.body.error).toMatchObject({ code: 'WINDOW_NUMBER_TAKEN', message: expect.stringContaining('9号窗口') });
    expect(await audits('center.window_create')).toBe(1);
  });

  it('serves only items enabled at the centre; renames and deactivates', async () => {
    const refused = await post('manager-shahe', `${base()}/windows/${windowId}`, { itemIds: ['00000000-0000-4000-8000-000000000001'] });
    expect(refused.body.error.code).toBe('ITEM_NOT_OFFERED');
    const renamed = await post<CenterConfig>('admin', `${base()}/windows/${windowId}`, { name: '不动产登记窗口', itemIds: [items[0]!.id, items[1]!.id] });
    expect(renamed.status).toBe(200);
    expect(renamed.body.windows.find((w) => w.id === windowId)).toMatchObject({ name: '不动产登记窗口', active: true });
    const off = await post<CenterConfig>('manager-shahe', `${base()}/windows/${windowId}`, { active: false });
    expect(off.body.windows.find((w) => w.id === windowId)!.active).toBe(false);
    expect((await post('resident', `${base()}/windows/${windowId}`, { active: true })).status).toBe(403);
    expect((await post('manager-shahe', `${base()}/windows/00000000-0000-4000-8000-000000000000`, { active: true })).body.error.code).toBe('WINDOW_NOT_FOUND');
    expect(await audits('center.window_update')).toBe(2);
  });

  it('enables and disables items; disabling one with bookings to come is refused with how many', async () => {
    const c = await config();
    // an item without bookings can go, and come back (served by every active window)
    const extra = c.items.find((i) => i.enabled && !items.slice(0, 6).some((x) => x.id === i.id))!;
    expect((await post('manager-shahe', `${base()}/items`, { itemId: extra.id, enabled: false })).status).toBe(200);
    expect((await config()).items.find((i) => i.id === extra.id)!.enabled).toBe(false);
    expect((await availability(extra.id, '2026-12-03')).body).toMatchObject({ error: { code: 'ITEM_NOT_OFFERED' } });
    const on = await post('manager-shahe', `${base()}/items`, { itemId: extra.id, enabled: true });
    expect(on.body).toEqual({ itemId: extra.id, enabled: true });
    const after = await config();
    expect(after.windows.filter((w) => w.active).every((w) => w.itemIds.includes(extra.id))).toBe(true);
    const start = (await availability(extra.id, '2026-12-03')).body.days[0]!.slots[0]!.start;
    expect((await book(extra.id, start)).status).toBe(201);
    const off = await post('manager-shahe', `${base()}/items`, { itemId: extra.id, enabled: false });
    expect(off.status).toBe(409);
    expect(off.body.error).toMatchObject({ code: 'HAS_FUTURE_BOOKINGS', details: { count: 1 } });
    expect(off.body.error.message).toContain('还有1个预约');
    expect((await post('staff-shahe', `${base()}/items`, { itemId: extra.id, enabled: true })).status).toBe(403);
    expect(await audits('center.item_enable')).toBe(1);
    expect(await audits('center.item_disable')).toBe(1);
  });
});

describe('capacity templates and overrides', () => {
  const item = () => items[2]!;
  const wednesday = '2026-12-09';

  it('a new template changes future slots; seats already booked are kept, and said so', async () => {
    const before = (await availability(item().id, wednesday)).body.days[0]!;
    const start = before.slots[0]!.start; // 08:30
    const made = await book(item().id, start);
    expect(made.status).toBe(201);
    const c = await config();
    const win = made.body.windowName;
    const windowId = c.windows.find((w) => w.name === win)!.id;
    // that window now: only walk-in seats on Wednesdays
    const sessions = [{ starts: '08:30', ends: '12:00', slotMinutes: 30, seats: 1, walkInSeats: 1 }];
    const r = await post<CenterConfig>('manager-shahe', `${base()}/capacity`, { windowId, weekdays: [3], sessions });
    expect(r.status).toBe(200);
    expect(r.body.reconciled!.kept).toEqual([{ windowId, start, booked: 1, inConfig: true }]);
    const [slot] = await t.db.query<{ seats: number; walk_in_seats: number; booked: number }>(
      `select seats, walk_in_seats, booked from slots where window_id = $1 and starts_at = $2::timestamptz`, [windowId, start]);
    expect(slot).toEqual({ seats: 2, walk_in_seats: 1, booked: 1 });
    // the booking stands
    const mine = await api.call<BookingDetail>('GET', `/api/bookings/${made.body.id}`, { token: tok.resident });
    expect(mine.body.status).toBe('booked');
    // the other windows still offer seats at 08:30, this one none
    const afterDay = (await availability(item().id, wednesday)).body.days[0]!;
    expect(afterDay.slots[0]!.capacity).toBe(before.slots[0]!.capacity - 1);
    // the afternoon is gone for that window (no session): capacity there dropped by one as well
    const pm = (d: typeof before) => d.slots.find((s) => s.start.includes('T14:00'))?.capacity ?? 0;
    expect(pm(afterDay)).toBe(pm(before) - 1);
    expect(await audits('center.capacity')).toBe(1);
  });

  it('more seats later are applied to the materialised slot too', async () => {
    const c = await config();
    const windowId = (await t.db.query<{ window_id: string }>(
      `select window_id from slots where center_id = $1 and booked > 0 and starts_at::date = '2026-12-09' limit 1`, [center.id]))[0]!.window_id;
    const sessions = [{ starts: '08:30', ends: '12:00', slotMinutes: 30, seats: 5, walkInSeats: 1 }];
    const r = await post<CenterConfig>('admin', `${base()}/capacity`, { windowId, weekdays: [3], sessions });
    expect(r.body.reconciled!.kept).toEqual([]);
    expect(c.center.id).toBe(center.id);
    const rows = await t.db.query<{ seats: number }>(`select seats from slots where window_id = $1 and starts_at > $2::timestamptz
       and extract(isodow from starts_at at time zone 'Asia/Shanghai') = 3`, [windowId, clock.toISOString()]);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((s) => s.seats === 5)).toBe(true);
  });

  it('refuses overlapping or impossible sessions, past dates and other callers', async () => {
    const windowId = (await config()).windows[0]!.id;
    const overlap = await post('manager-shahe', `${base()}/capacity`, {
      windowId, weekdays: [1], sessions: [
        { starts: '08:30', ends: '12:00', slotMinutes: 30, seats: 2, walkInSeats: 1 },
        { starts: '11:00', ends: '13:00', slotMinutes: 30, seats: 2, walkInSeats: 1 },
      ],
    });
    expect(overlap.status).toBe(422);
    const walkIn = await post('manager-shahe', `${base()}/capacity`, {
      windowId, weekdays: [1], sessions: [{ starts: '08:30', ends: '12:00', slotMinutes: 5, seats: 2, walkInSeats: 3 }],
    });
    expect(Object.keys(walkIn.body.error.fields)).toEqual(expect.arrayContaining(['sessions.0.slotMinutes', 'sessions.0.walkInSeats']));
    const past = await post('manager-shahe', `${base()}/overrides`, { windowId, date: '2026-11-30', sessions: [] });
    expect(past.body.error.code).toBe('DATE_IN_PAST');
    expect((await post('resident', `${base()}/capacity`, { windowId, weekdays: [1], sessions: [] })).status).toBe(403);
  });

  it('an override adds an extra session on one date, and can be taken back', async () => {
    const windowId = (await config()).windows.find((w) => w.active)!.id;
    const saturday = '2026-12-13'; // a Sunday: closed by the templates
    expect((await availability(item().id, saturday)).body.days[0]!.open).toBe(false);
    const r = await post<CenterConfig>('manager-shahe', `${base()}/overrides`, {
      windowId, date: saturday, sessions: [{ starts: '09:00', ends: '11:00', slotMinutes: 30, seats: 3, walkInSeats: 0 }],
    });
    expect(r.status).toBe(200);
    expect(r.body.overrides).toHaveLength(1);
    const day = (await availability(item().id, saturday)).body.days[0]!;
    expect(day.open).toBe(true);
    expect(day.slots.map((s) => s.start)).toEqual(['09:00', '09:30', '10:00', '10:30'].map((h) => `${saturday}T${h}:00+08:00`));
    const back = await post<CenterConfig>('manager-shahe', `${base()}/overrides`, { windowId, date: saturday, sessions: [] });
    expect(back.body.overrides).toHaveLength(0);
    expect(await audits('center.capacity_override')).toBe(2);
  });
});

describe('closures', () => {
  const item = () => items[3]!;
  const day = '2026-12-10';
  let bookingId = '';

  it('over a day with bookings: refused with how many, unless cancelAffected', async () => {
    const start = (await availability(item().id, day)).body.days[0]!.slots[1]!.start;
    const made = await book(item().id, start);
    bookingId = made.body.id;
    const body = { from: day, to: '2026-12-11', reason: '停电检修' };
    const refused = await post('manager-shahe', `${base()}/closures`, body);
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ code: 'CLOSURE_HAS_BOOKINGS', details: { count: 1, dates: [day] } });
    expect(await audits('center.closure_add')).toBe(0);

    const done = await post<CenterConfig>('manager-shahe', `${base()}/closures`, { ...body, cancelAffected: true });
    expect(done.status).toBe(200);
    expect(done.body.cancelledBookings).toBe(1);
    expect(done.body.closures.map((c) => [c.date, c.reason])).toEqual([[day, '停电检修'], ['2026-12-11', '停电检修']]);
    expect(await audits('center.closure_add')).toBe(1);
  });

  it('the resident sees the cancellation with the reason, and the closed days', async () => {
    const b = await api.call<BookingDetail>('GET', `/api/bookings/${bookingId}`, { token: tok.resident });
    expect(b.body.status).toBe('cancelled');
    expect(b.body.statusReason).toBe('中心停止办公：停电检修');
    expect(b.body.timeline.at(-1)).toMatchObject({ kind: 'cancelled', data: { reason: '中心停止办公：停电检修', by: 'center' } });
    const days = (await availability(item().id, day, '2026-12-11')).body.days;
    expect(days.map((d) => d.reason)).toEqual([{ code: 'CLOSURE', text: '停电检修' }, { code: 'CLOSURE', text: '停电检修' }]);
    const [slots] = await t.db.query<{ booked: number; seats: number }>(
      `select sum(booked)::int as booked, sum(seats)::int as seats from slots where center_id = $1 and starts_at::date = $2::date`, [center.id, day]);
    expect(slots).toEqual({ booked: 0, seats: 0 });
  });

  it('a stale booking request for a closed day is refused by the database', async () => {
    const cfg = await config();
    const windowId = cfg.windows.find((w) => w.active)!.id;
    await expect(t.db.query(`select app.take_seat($1, $2, '2026-12-10T10:00:00+08:00',
      jsonb_build_array(jsonb_build_object('windowId', $3::text, 'startsAt', '2026-12-10T10:00:00+08:00', 'endsAt', '2026-12-10T10:30:00+08:00', 'seats', 2, 'walkInSeats', 1)))`,
      [center.id, item().id, windowId])).rejects.toMatchObject({ message: 'SLOT_NOT_AVAILABLE' });
  });

  it('taking a closed day back restores its slots', async () => {
    const c = await config();
    const closure = c.closures.find((x) => x.date === '2026-12-11')!;
    const r = await post<CenterConfig>('manager-shahe', `${base()}/closures/remove`, { closureId: closure.id });
    expect(r.body.closures.map((x) => x.date)).toEqual([day]);
    expect((await availability(item().id, '2026-12-11')).body.days[0]!.open).toBe(true);
    const again = await post('manager-shahe', `${base()}/closures/remove`, { closureId: closure.id });
    expect(again.body.error.code).toBe('CLOSURE_NOT_FOUND');
    const [slots] = await t.db.query<{ seats: number }>(
      `select coalesce(sum(seats), 0)::int as seats from slots where center_id = $1 and starts_at::date = $2::date`, [center.id, day]);
    expect(slots!.seats).toBe(0);
    expect(await audits('center.closure_remove')).toBe(1);
  });

  it('refuses bad ranges, past days, short reasons and other callers', async () => {
    expect((await post('manager-shahe', `${base()}/closures`, { from: '2026-12-20', to: '2026-12-19', reason: '国庆节' })).body.error.fields.to).toBeDefined();
    expect((await post('manager-shahe', `${base()}/closures`, { from: '2026-11-20', to: '2026-11-21', reason: '国庆节' })).body.error.code).toBe('DATE_IN_PAST');
    expect((await post('manager-shahe', `${base()}/closures`, { from: '2026-12-20', to: '2026-12-20', reason: '停' })).body.error.fields.reason).toMatch('原因');
    expect((await post('staff-shahe', `${base()}/closures`, { from: '2026-12-20', to: '2026-12-20', reason: '国庆节' })).status).toBe(403);
    expect((await post('manager-shahe', `/api/manage/centers/${other.id}/closures`, { from: '2026-12-20', to: '2026-12-20', reason: '国庆节' })).status).toBe(403);
  });
});

describe('booking rules', () => {
  it('changes how far ahead residents may book, audited with before and after', async () => {
    const r = await post<CenterConfig>('manager-shahe', `${base()}/rules`, { openDaysAhead: 7, weeklyCap: 3 });
    expect(r.body.rules).toMatchObject({ open_days_ahead: 7, weekly_cap: 3, monthly_cap: 6 });
    const d = (await availability(items[4]!.id, '2026-12-09')).body.days[0]!;
    expect(d.reason).toMatchObject({ code: 'NOT_YET_OPEN' });
    const [row] = await t.db.query<{ detail: any }>(`select detail from audit_log where action = 'center.rules' and center_id = $1`, [center.id]);
    expect(row!.detail.from.open_days_ahead).toBe(14);
    expect(row!.detail.to.open_days_ahead).toBe(7);
    await post('manager-shahe', `${base()}/rules`, { openDaysAhead: 14 });
  });

  it('refuses impossible rules and other callers', async () => {
    const r = await post('manager-shahe', `${base()}/rules`, { weeklyCap: 10, monthlyCap: 5 });
    expect(r.body.error.fields.monthlyCap).toBeDefined();
    const sql = await post('manager-shahe', `${base()}/rules`, { monthlyCap: 1 }); // below the stored weekly cap 3
    expect(sql.body.error.code).toBe('INVALID_RULES');
    expect((await post('manager-shahe', `${base()}/rules`, { openDaysAhead: 0 })).status).toBe(422);
    expect((await post('resident', `${base()}/rules`, { openDaysAhead: 3 })).status).toBe(403);
  });
});

describe('staff on duty (在岗公示)', () => {
  const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000' + '1f15c4890000000d49444154789c6300010000050001' + '0d0a2db40000000049454e44ae426082', 'hex');
  let staffId = '';
  const onDuty = async () => (await api.get<OnDuty>(`/api/centers/${center.id}/on-duty`)).body;

  it('a new profile is not public until consent is recorded', async () => {
    const r = await post<CenterConfig>('manager-shahe', `${base()}/staff`, { name: '周敏', post: '民政窗口', dutyWeekdays: [1, 2, 3, 4, 5] }, key());
    expect(r.status).toBe(201);
    staffId = r.body.staff[0]!.id;
    expect(r.body.staff[0]).toMatchObject({ public: false, onDutyToday: true, consentAt: null });
    expect((await onDuty()).staff).toEqual([]);
    const c = await post<CenterConfig>('manager-shahe', `${base()}/staff/${staffId}`, { consent: true });
    expect(c.body.staff[0]).toMatchObject({ public: true, consentAt: '2026-12-01T09:00:00+08:00' });
    expect(await onDuty()).toEqual({ centerId: center.id, date: '2026-12-01', staff: [{ id: staffId, name: '周敏', post: '民政窗口', photoUrl: null }] });
  });

  it('a photo is checked, served with its type and an ETag, only while consent stands', async () => {
    const bad = await post('manager-shahe', `${base()}/staff/${staffId}/photo`, { contentType: 'image/jpeg', data: png.toString('base64') });
    expect(bad.status).toBe(422);
    const ok = await post<CenterConfig>('manager-shahe', `${base()}/staff/${staffId}/photo`, { contentType: 'image/png', data: png.toString('base64') });
    expect(ok.status).toBe(200);
    const url = (await onDuty()).staff[0]!.photoUrl!;
    expect(url).toMatch(new RegExp(`^/api/staff-photos/${staffId}\\?v=\\d+$`));
    const res = await fetch(api.url + url);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('cache-control')).toBe('public, no-cache');
    expect(Buffer.from(await res.arrayBuffer())).toEqual(png);
    const etag = res.headers.get('etag')!;
    expect((await fetch(api.url + url, { headers: { 'If-None-Match': etag } })).status).toBe(304);

    await post('manager-shahe', `${base()}/staff/${staffId}`, { consent: false });
    expect((await onDuty()).staff).toEqual([]);
    const gone = await api.get<any>(url);
    expect(gone.status).toBe(404);
    expect(gone.body.error.code).toBe('PHOTO_NOT_FOUND');
    const c = await config();
    expect(c.staff[0]).toMatchObject({ public: false, consentWithdrawnAt: '2026-12-01T09:00:00+08:00', hasPhoto: true });
  });

  it('today off, today on, weekly days; removal of the photo', async () => {
    await post('manager-shahe', `${base()}/staff/${staffId}`, { consent: true });
    await post('manager-shahe', `${base()}/staff/${staffId}`, { today: false });
    expect((await onDuty()).staff).toEqual([]);
    await post('manager-shahe', `${base()}/staff/${staffId}`, { today: null, dutyWeekdays: [3] });
    expect((await onDuty()).staff).toEqual([]); // Tuesday
    await post('manager-shahe', `${base()}/staff/${staffId}`, { today: true });
    expect((await onDuty()).staff.map((s) => s.post)).toEqual(['民政窗口']);
    const del = await api.call<CenterConfig>('DELETE', `${base()}/staff/${staffId}/photo`, { token: tok['manager-shahe'] });
    expect(del.body.staff[0]!.photoUrl).toBeNull();
    expect(await audits('center.staff_duty')).toBe(3);
    expect(await audits('center.staff_consent')).toBe(2);
    expect(await audits('center.staff_consent_withdraw')).toBe(1);
    expect(await audits('center.staff_photo')).toBe(1);
    expect(await audits('center.staff_photo_remove')).toBe(1);
    // the audit log never carries the name
    const rows = await t.db.query<{ detail: unknown }>(`select detail from audit_log where target_id = $1`, [staffId]);
    expect(JSON.stringify(rows)).not.toContain('周敏');
  });

  it('refuses others, unknown profiles and bad input', async () => {
    expect((await post('staff-shahe', `${base()}/staff/${staffId}`, { consent: true })).status).toBe(403);
    expect((await post('resident', `${base()}/staff`, { name: '某人', post: '民政窗口' }, key())).status).toBe(403);
    expect((await post('manager-shahe', `${base()}/staff/00000000-0000-4000-8000-000000000000`, { consent: true })).body.error.code).toBe('STAFF_PROFILE_NOT_FOUND');
    expect((await post('manager-shahe', `${base()}/staff`, { name: '', post: '民' }, key())).body.error.fields).toMatchObject({ name: expect.any(String), post: expect.any(String) });
    expect((await api.get(`/api/centers/00000000-0000-4000-8000-000000000000/on-duty`)).status).toBe(404);
    expect((await api.get(`/api/staff-photos/${staffId}`)).status).toBe(404);
  });
});
