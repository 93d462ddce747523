// Booking over HTTP against a real database, with the server's clock fixed:
// availability, booking rules, idempotency, family and agent bookings, cancel, reschedule,
// staff verification and check-in, no-shows and restrictions, and every bad input.
import type { Availability, Booking, BookingDetail } from '../../server/contract/booking';
import type { CenterSummary, ItemSummary, Page } from '../../server/contract/catalogue';
import { setApp } from '../../server/app';
import { readConfig } from '../../server/config/config';
import { type RunningApi, startApi } from '../support/api-server';
import { createTestDatabase, describeBackend, type TestDatabase } from '../support/database';

// Tuesday 1 December 2026, 09:00 in Shanghai
let clock = new Date('2026-12-01T01:00:00Z');
let t: TestDatabase;
let api: RunningApi;
let center: CenterSummary;
let items: ItemSummary[];
let tokens: Record<string, string>;
let keyCounter = 0;
const key = () => `test-key-${++keyCounter}-${Date.now()}`;
// a second API in this file replaces the process's app; put the first one back
const setAppBack = () => setApp({ config: readConfig({ APP_MODE: 'development' }), db: t.db, clock: () => clock });

beforeAll(async () => {
  console.info(`booking API tests on ${describeBackend()}`);
  t = await createTestDatabase();
  api = await startApi(t.db, {}, () => clock);
  center = (await api.get<{ centers: CenterSummary[] }>(`/api/centers?q=${encodeURIComponent('沙河镇')}&kind=center`)).body.centers[0]!;
  items = (await api.get<Page<ItemSummary>>(`/api/items?center=${center.id}&limit=20`)).body.rows;
  tokens = {};
  for (const login of ['resident', 'family', 'agent', 'staff-shahe', 'admin']) tokens[login] = await api.login(login);
});

afterAll(async () => {
  await api?.close();
  await t?.drop();
});

const availability = (itemId: string, from: string, to: string) =>
  api.get<Availability>(`/api/availability?center=${center.id}&item=${itemId}&from=${from}&to=${to}`);

async function firstOpenSlot(itemId: string, date: string, skip = 0): Promise<string> {
  const { body } = await availability(itemId, date, date);
  const day = body.days[0]!;
  const slot = day.slots.filter((s) => s.remaining > 0)[skip];
  if (!slot) throw new Error(`no open slot on ${date}: ${JSON.stringify(day.reason)}`);
  return slot.start;
}

const book = (token: string, body: Record<string, unknown>, idempotencyKey = key()) =>
  api.call<Booking & { error?: { code: string; message: string } }>('POST', '/api/bookings', { token, body, idempotencyKey });

describe('availability', () => {
  it('shows open days with seats, and closed days with the reason', async () => {
    const { status, body } = await availability(items[0]!.id, '2026-11-30', '2026-12-16');
    expect(status).toBe(200);
    const day = (d: string) => body.days.find((x) => x.date === d)!;
    expect(day('2026-11-30')).toMatchObject({ open: false, reason: { code: 'PAST' } });
    expect(day('2026-12-02')).toMatchObject({ open: true, reason: null, weekday: 3 });
    expect(day('2026-12-02').slots[0]).toMatchObject({ start: '2026-12-02T08:30:00+08:00', remaining: 4, capacity: 4 });
    expect(day('2026-12-06').open).toBe(false); // Sunday
    expect(['WEEKEND', 'NOT_OPEN_THIS_DAY']).toContain(day('2026-12-06').reason!.code);
    expect(day('2026-12-16')).toMatchObject({ open: false, reason: { code: 'NOT_YET_OPEN' } });
    // today: only slots at least an hour away
    expect(day('2026-12-01').slots.every((s) => s.start >= '2026-12-01T10:00:00+08:00')).toBe(true);
  });

  it('closes statutory holidays with their name and opens adjusted working weekends', async () => {
    clock = new Date('2026-09-25T01:00:00Z');
    try {
      const { body } = await availability(items[0]!.id, '2026-09-28', '2026-10-09');
      const oct1 = body.days.find((d) => d.date === '2026-10-01')!;
      expect(oct1).toMatchObject({ open: false, reason: { code: 'HOLIDAY' } });
      expect(oct1.reason!.text).toContain('国庆');
      const adjusted = await availability(items[0]!.id, '2026-10-09', '2026-10-10');
      expect(adjusted.status).toBe(200);
    } finally {
      clock = new Date('2026-12-01T01:00:00Z');
    }
  });

  it.each([
    ['from after to', 'from=2026-12-05&to=2026-12-01', 422],
    ['a range over 31 days', 'from=2026-12-01&to=2027-02-01', 422],
    ['a date that does not exist', 'from=2026-02-30&to=2026-03-01', 422],
    ['a missing item', 'from=2026-12-01&to=2026-12-02&item=', 422],
  ])('refuses %s', async (_what, qs, status) => {
    const item = qs.includes('item=') ? '' : `&item=${items[0]!.id}`;
    const res = await api.get<{ error: { code: string } }>(`/api/availability?center=${center.id}${item}&${qs}`);
    expect(res.status).toBe(status);
  });

  it('refuses an item the centre does not offer', async () => {
    const all = (await api.get<Page<ItemSummary>>('/api/items?limit=100&offset=0&q=' + encodeURIComponent('户'))).body.rows;
    const stations = (await api.get<{ centers: CenterSummary[] }>('/api/centers?kind=station')).body.centers;
    const station = stations[0]!;
    const offered = new Set((await api.get<Page<ItemSummary>>(`/api/items?center=${station.id}&limit=100`)).body.rows.map((r) => r.id));
    const notOffered = all.find((r) => !offered.has(r.id));
    if (!notOffered) return; // every searched item is offered there: nothing to check
    const res = await api.get<{ error: { code: string } }>(`/api/availability?center=${station.id}&item=${notOffered.id}&from=2026-12-02&to=2026-12-03`);
    expect(res.body.error.code).toBe('ITEM_NOT_OFFERED');
  });
});

describe('booking', () => {
  it('needs a login, an Idempotency-Key and a valid body', async () => {
    const body = { centerId: center.id, itemId: items[0]!.id, slotStart: '2026-12-02T08:30:00+08:00' };
    expect((await api.call('POST', '/api/bookings', { body, idempotencyKey: key() })).status).toBe(401);
    expect((await api.call('POST', '/api/bookings', { body, token: 'not.a.token' })).status).toBe(401);
    expect((await api.call('POST', '/api/bookings', { body, token: tokens.resident })).body.error.code).toBe('IDEMPOTENCY_KEY_REQUIRED');
    const bad = await api.call('POST', '/api/bookings', { body: { ...body, slotStart: 'tomorrow 9am', extra: 1 }, token: tokens.resident, idempotencyKey: key() });
    expect(bad.status).toBe(422);
    expect(Object.keys(bad.body.error.fields)).toEqual(expect.arrayContaining(['slotStart']));
    const wrongTypes = await api.call('POST', '/api/bookings', { body: { centerId: 42, itemId: null, slotStart: [] }, token: tokens.resident, idempotencyKey: key() });
    expect(wrongTypes.status).toBe(422);
    const notJson = await api.get<{ error: { code: string } }>('/api/bookings', {
      method: 'POST',
      headers: { Authorization: `Bearer ${tokens.resident}`, 'Idempotency-Key': key(), 'Content-Type': 'application/json' },
      body: '{"centerId":',
    });
    expect(notJson.status).toBe(400);
    expect(notJson.body.error.code).toBe('BAD_JSON');
  });

  it.each([
    ['a past slot', '2026-11-30T08:30:00+08:00'],
    ['a slot starting within the hour', '2026-12-01T09:30:00+08:00'],
    ['a time that is not a slot', '2026-12-02T08:37:00+08:00'],
    ['a Sunday', '2026-12-06T08:30:00+08:00'],
    ['a day beyond the booking horizon', '2026-12-28T08:30:00+08:00'],
  ])('refuses %s with 422 SLOT_NOT_AVAILABLE', async (_what, slotStart) => {
    const res = await book(tokens.resident!, { centerId: center.id, itemId: items[1]!.id, slotStart });
    expect(res.status).toBe(422);
    expect(res.body.error!.code).toBe('SLOT_NOT_AVAILABLE');
  });

  it('refuses unknown centres and items', async () => {
    const res = await book(tokens.resident!, { centerId: '00000000-0000-4000-8000-000000000000', itemId: items[1]!.id, slotStart: '2026-12-02T08:30:00+08:00' });
    expect(res.status).toBe(404);
    expect(res.body.error!.code).toBe('CENTER_NOT_FOUND');
  });

  let first: Booking;
  it('books a slot: 201 with a code and a QR payload; the seat is taken', async () => {
    const slotStart = await firstOpenSlot(items[0]!.id, '2026-12-02');
    const k = key();
    const res = await book(tokens.resident!, { centerId: center.id, itemId: items[0]!.id, slotStart }, k);
    expect(res.status).toBe(201);
    first = res.body;
    expect(first).toMatchObject({ status: 'booked', slotStart, centerId: center.id, itemId: items[0]!.id, bookedVia: 'self', applicant: { name: '王秀英' } });
    expect(first.code).toMatch(/^[2-9A-HJ-NP-Z]{8}$/);
    expect(first.qrPayload).toContain(first.code);
    const after = await availability(items[0]!.id, '2026-12-02', '2026-12-02');
    expect(after.body.days[0]!.slots.find((s) => s.start === slotStart)!.remaining).toBe(3);

    // the same request again (a retry on a bad connection) returns the first answer
    const retry = await book(tokens.resident!, { centerId: center.id, itemId: items[0]!.id, slotStart }, k);
    expect(retry.status).toBe(201);
    expect(retry.body.id).toBe(first.id);
    const again = await availability(items[0]!.id, '2026-12-02', '2026-12-02');
    expect(again.body.days[0]!.slots.find((s) => s.start === slotStart)!.remaining).toBe(3);
    // the same key with another request is refused
    const reused = await book(tokens.resident!, { centerId: center.id, itemId: items[2]!.id, slotStart }, k);
    expect(reused.status).toBe(422);
    expect(reused.body.error!.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('allows one active booking per applicant and item', async () => {
    const slotStart = await firstOpenSlot(items[0]!.id, '2026-12-03');
    const res = await book(tokens.resident!, { centerId: center.id, itemId: items[0]!.id, slotStart });
    expect(res.status).toBe(409);
    expect(res.body.error!.code).toBe('ALREADY_BOOKED');
    expect(res.body.error!.message).toMatch(/已预约/);
  });

  it('caps bookings per applicant per week', async () => {
    const second = await book(tokens.resident!, { centerId: center.id, itemId: items[1]!.id, slotStart: await firstOpenSlot(items[1]!.id, '2026-12-03') });
    expect(second.status).toBe(201);
    const third = await book(tokens.resident!, { centerId: center.id, itemId: items[2]!.id, slotStart: await firstOpenSlot(items[2]!.id, '2026-12-04') });
    expect(third.status).toBe(409);
    expect(third.body.error!.code).toBe('WEEKLY_LIMIT_REACHED');
    expect(third.body.error!.message).toContain('每周最多预约2次');
    // the next week is fine
    const nextWeek = await book(tokens.resident!, { centerId: center.id, itemId: items[2]!.id, slotStart: await firstOpenSlot(items[2]!.id, '2026-12-08') });
    expect(nextWeek.status).toBe(201);
  });

  it('lets a family member and an agent book for a linked person, and nobody else', async () => {
    const me = await api.call<{ people: { id: string; name: string; relation: string }[] }>('GET', '/api/me', { token: tokens.family });
    const parent = me.body.people.find((p) => p.relation === 'family')!;
    expect(parent.name).toBe('王秀英');
    const byFamily = await book(tokens.family!, { centerId: center.id, itemId: items[3]!.id, slotStart: await firstOpenSlot(items[3]!.id, '2026-12-09'), applicantId: parent.id });
    expect(byFamily.status).toBe(201);
    expect(byFamily.body).toMatchObject({ bookedVia: 'family', applicant: { id: parent.id, name: '王秀英' } });

    // the parent sees it among her bookings
    const mine = await api.call<{ bookings: Booking[] }>('GET', '/api/bookings', { token: tokens.resident });
    expect(mine.body.bookings.map((b) => b.id)).toContain(byFamily.body.id);

    const stranger = await api.login('stranger-1');
    const notMine = await api.call('GET', `/api/bookings/${byFamily.body.id}`, { token: stranger });
    expect(notMine.status).toBe(404);
    expect((await api.call<{ bookings: Booking[] }>('GET', '/api/bookings', { token: stranger })).body.bookings).toEqual([]);
    const forSomeoneElse = await book(stranger, { centerId: center.id, itemId: items[3]!.id, slotStart: await firstOpenSlot(items[3]!.id, '2026-12-09'), applicantId: parent.id });
    expect(forSomeoneElse.status).toBe(403);
    expect(forSomeoneElse.body.error!.code).toBe('APPLICANT_NOT_LINKED');
  });

  it('shows a booking with its timeline to its owner', async () => {
    const res = await api.call<BookingDetail>('GET', `/api/bookings/${first.id}`, { token: tokens.resident });
    expect(res.status).toBe(200);
    expect(res.body.timeline).toEqual([{ at: '2026-12-01T09:00:00+08:00', kind: 'booked', data: {} }]);
    expect((await api.call('GET', '/api/bookings/not-an-id', { token: tokens.resident })).status).toBe(400);
  });
});

describe('cancel and reschedule', () => {
  it('cancels, frees the seat, and blocks the same applicant from taking it straight back', async () => {
    const slotStart = await firstOpenSlot(items[4]!.id, '2026-12-10');
    const made = await book(tokens.family!, { centerId: center.id, itemId: items[4]!.id, slotStart });
    expect(made.status).toBe(201);
    const k = key();
    const cancelled = await api.call<Booking>('POST', `/api/bookings/${made.body.id}/cancel`, { token: tokens.family, idempotencyKey: k, body: { reason: '临时有事' } });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.status).toBe('cancelled');
    const again = await api.call<Booking>('POST', `/api/bookings/${made.body.id}/cancel`, { token: tokens.family, idempotencyKey: key() });
    expect(again.body.status).toBe('cancelled');
    const day = await availability(items[4]!.id, '2026-12-10', '2026-12-10');
    expect(day.body.days[0]!.slots.find((s) => s.start === slotStart)!.remaining).toBe(4);

    const back = await book(tokens.family!, { centerId: center.id, itemId: items[4]!.id, slotStart });
    expect(back.status).toBe(409);
    expect(back.body.error!.code).toBe('SLOT_RECENTLY_RELEASED');
    const other = await book(await api.login('stranger-2'), { centerId: center.id, itemId: items[4]!.id, slotStart });
    expect(other.status).toBe(201);
  });

  it('reschedules atomically: same booking, new seat, old seat freed', async () => {
    const token = await api.login('stranger-3');
    const from = await firstOpenSlot(items[5]!.id, '2026-12-10', 3);
    const made = await book(token, { centerId: center.id, itemId: items[5]!.id, slotStart: from });
    const to = await firstOpenSlot(items[5]!.id, '2026-12-11', 2);
    const remainingAt = async (date: string, start: string) =>
      (await availability(items[5]!.id, date, date)).body.days[0]!.slots.find((s) => s.start === start)!.remaining;
    const [fromBefore, toBefore] = [await remainingAt('2026-12-10', from), await remainingAt('2026-12-11', to)];
    const moved = await api.call<Booking>('POST', `/api/bookings/${made.body.id}/reschedule`, { token, idempotencyKey: key(), body: { slotStart: to } });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ id: made.body.id, code: made.body.code, slotStart: to, status: 'booked' });
    expect(await remainingAt('2026-12-10', from)).toBe(fromBefore + 1);
    expect(await remainingAt('2026-12-11', to)).toBe(toBefore - 1);
    const detail = await api.call<BookingDetail>('GET', `/api/bookings/${made.body.id}`, { token });
    expect(detail.body.timeline.map((e) => e.kind)).toEqual(['booked', 'rescheduled']);
  });

  it('keeps the booking when the new slot is full', async () => {
    const target = await firstOpenSlot(items[6]!.id, '2026-12-11', 5);
    for (let i = 0; i < 4; i++) {
      const res = await book(await api.login(`filler-${i}`), { centerId: center.id, itemId: items[6]!.id, slotStart: target });
      expect(res.status).toBe(201);
    }
    const full = await book(await api.login('filler-4'), { centerId: center.id, itemId: items[6]!.id, slotStart: target });
    expect(full.status).toBe(409);
    expect(full.body.error!.code).toBe('SLOT_FULL');
    expect(full.body.error!.message).toBe('该时段已约满，请选择其他时段');

    const token = await api.login('stranger-4');
    const made = await book(token, { centerId: center.id, itemId: items[6]!.id, slotStart: await firstOpenSlot(items[6]!.id, '2026-12-11') });
    const moved = await api.call('POST', `/api/bookings/${made.body.id}/reschedule`, { token, idempotencyKey: key(), body: { slotStart: target } });
    expect(moved.status).toBe(409);
    const detail = await api.call<BookingDetail>('GET', `/api/bookings/${made.body.id}`, { token });
    expect(detail.body.slotStart).toBe(made.body.slotStart);
    expect(detail.body.status).toBe('booked');
  });

  it('refuses to cancel within the cut-off', async () => {
    const token = await api.login('stranger-5');
    const made = await book(token, { centerId: center.id, itemId: items[7]!.id, slotStart: '2026-12-01T14:00:00+08:00' });
    expect(made.status).toBe(201);
    clock = new Date('2026-12-01T05:30:00Z'); // 13:30, half an hour before
    try {
      const res = await api.call('POST', `/api/bookings/${made.body.id}/cancel`, { token, idempotencyKey: key() });
      expect(res.status).toBe(409);
      expect(res.body.error.code).toBe('CANCEL_TOO_LATE');
    } finally {
      clock = new Date('2026-12-01T01:00:00Z');
    }
  });
});

describe('staff', () => {
  it('verify a booking code with the applicant masked; residents cannot', async () => {
    const { body: booking } = await api.call<Booking>('GET', '/api/bookings', { token: tokens.resident }).then((r) => ({ body: (r.body as unknown as { bookings: Booking[] }).bookings[0]! }));
    const res = await api.call<Booking>('GET', `/api/bookings/verify?code=${encodeURIComponent(booking.qrPayload)}`, { token: tokens['staff-shahe'] });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ code: booking.code, applicant: { name: '王*英' } });
    expect((await api.call('GET', `/api/bookings/verify?code=${booking.code}`, { token: tokens.admin })).status).toBe(200);
    const resident = await api.call('GET', `/api/bookings/verify?code=${booking.code}`, { token: tokens.resident });
    expect(resident.status).toBe(403);
    const forged = await api.call('GET', `/api/bookings/verify?code=BMFW1.${booking.code}.AAAAAAAAAAAAAAAA`, { token: tokens['staff-shahe'] });
    expect(forged.body.error.code).toBe('INVALID_BOOKING_CODE');
    expect((await api.call('GET', '/api/bookings/verify?code=ZZZZZZZZ', { token: tokens['staff-shahe'] })).status).toBe(404);
  });

  it('check in today\'s booking into the queue; walk-ins share the numbering', async () => {
    const token = await api.login('stranger-6');
    const made = await book(token, { centerId: center.id, itemId: items[8]!.id, slotStart: '2026-12-01T15:00:00+08:00' });
    expect(made.status).toBe(201);
    const checked = await api.call<Booking & { ticket: { number: number } }>('POST', '/api/bookings/check-in', { token: tokens['staff-shahe'], body: { code: made.body.code } });
    expect(checked.status).toBe(200);
    expect(checked.body).toMatchObject({ status: 'checked_in', ticket: { number: 1 } });
    const walkIn = await api.call<{ number: number }>('POST', '/api/tickets', { token: tokens['staff-shahe'], body: { itemId: items[8]!.id } });
    expect(walkIn.status).toBe(201);
    expect(walkIn.body.number).toBe(2);
    expect((await api.call('POST', '/api/tickets', { token: tokens.resident, body: {} })).status).toBe(403);
    // a booking for another day is not checked in today
    const later = await book(token, { centerId: center.id, itemId: items[9]!.id, slotStart: await firstOpenSlot(items[9]!.id, '2026-12-02') });
    const notToday = await api.call('POST', '/api/bookings/check-in', { token: tokens['staff-shahe'], body: { code: later.body.code } });
    expect(notToday.body.error.code).toBe('NOT_TODAY');
  });
});

describe('no-shows', () => {
  it('marks missed bookings and restricts online booking after three, but not agent bookings', async () => {
    const login = 'no-show-person';
    const token = await api.login(login);
    const dates = ['2026-12-02', '2026-12-09', '2026-12-14'];
    for (const [i, date] of dates.entries()) {
      const res = await book(token, { centerId: center.id, itemId: items[10 + i]!.id, slotStart: await firstOpenSlot(items[10 + i]!.id, date) });
      expect(res.status).toBe(201);
    }
    const result = await t.db.rpc<{ markedNoShow: number; restricted: number }>('mark_no_shows', { p_now: '2026-12-20T00:00:00Z' }, { role: 'service_role', claims: {} });
    expect(result.markedNoShow).toBeGreaterThanOrEqual(3);
    expect(result.restricted).toBeGreaterThanOrEqual(1);

    clock = new Date('2026-12-21T01:00:00Z');
    try {
      const fresh = await api.login(login); // the first token has expired by now
      const blocked = await book(fresh, { centerId: center.id, itemId: items[13]!.id, slotStart: await firstOpenSlot(items[13]!.id, '2026-12-22') });
      expect(blocked.status).toBe(403);
      expect(blocked.body.error!.code).toBe('BOOKING_RESTRICTED');
      expect(blocked.body.error!.message).toContain('2027年1月19日');
      const mine = await api.call<{ bookings: Booking[] }>('GET', '/api/bookings', { token: fresh });
      expect(mine.body.bookings.filter((b) => b.status === 'no_show')).toHaveLength(3);
    } finally {
      clock = new Date('2026-12-01T01:00:00Z');
    }
  });

  it('runs as a scheduled job only with the cron secret', async () => {
    expect((await api.get('/api/jobs/no-shows')).status).toBe(403);
    expect((await api.get('/api/jobs/no-shows', { headers: { Authorization: 'Bearer wrong' } })).status).toBe(403);
    const withSecret = await startApi(t.db, { CRON_SECRET: 'cron-secret-for-tests-0123' }, () => new Date('2026-12-31T00:00:00Z'));
    try {
      const res = await withSecret.get<Record<string, number>>('/api/jobs/no-shows', { headers: { Authorization: 'Bearer cron-secret-for-tests-0123' } });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ markedNoShow: expect.any(Number), restricted: expect.any(Number), purgedIdempotencyKeys: expect.any(Number) });
    } finally {
      await withSecret.close();
      setAppBack();
    }
  });
});

describe('tokens and inputs at the edges', () => {
  it('a stale or broken token does not block public pages, only what needs a login', async () => {
    const stale = { Authorization: 'Bearer not.a.token' };
    expect((await api.get('/api/centers', { headers: stale })).status).toBe(200);
    expect((await api.get('/api/bookings', { headers: stale })).status).toBe(401);
    expect((await api.call('POST', '/api/auth/dev-login', { body: { login: 'resident' }, headers: stale })).status).toBe(200);
  });

  it('refuses dates outside any bookable year with 422, not a server error', async () => {
    const res = await api.get(`/api/availability?center=${center.id}&item=${items[0]!.id}&from=1800-01-01&to=1800-01-02`);
    expect(res.status).toBe(422);
    const booking = await book(tokens.resident!, { centerId: center.id, itemId: items[0]!.id, slotStart: '3000-01-01T09:00:00+08:00' });
    expect(booking.status).toBe(422);
  });

  it('shows staff the applicant masked when they open a booking', async () => {
    const mine = await api.call<{ bookings: Booking[] }>('GET', '/api/bookings', { token: tokens.resident });
    const atShahe = mine.body.bookings.find((b) => b.centerId === center.id)!;
    const staff = await api.call<Booking>('GET', `/api/bookings/${atShahe.id}`, { token: tokens['staff-shahe'] });
    expect(staff.status).toBe(200);
    expect(staff.body.applicant.name).toBe('王*英');
    const own = await api.call<Booking>('GET', `/api/bookings/${atShahe.id}`, { token: tokens.resident });
    expect(own.body.applicant.name).toBe('王秀英');
  });
});
