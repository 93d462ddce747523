// Concurrency: hundreds of simultaneous requests through the HTTP API against the real
// PostgreSQL server. Only meaningful there (PGlite runs one statement at a time, so it
// proves nothing about races): without TEST_DATABASE_URL these tests are skipped, and say so.
import type { Availability, Booking } from '../../server/contract/booking';
import type { CenterSummary, ItemSummary, Page } from '../../server/contract/catalogue';
import { type RunningApi, startApi } from '../support/api-server';
import { createTestDatabase, serverUrl, type TestDatabase } from '../support/database';

const onServer = serverUrl ? describe : describe.skip;
if (!serverUrl) {
  console.warn('SKIPPED: booking concurrency tests need a PostgreSQL server (set TEST_DATABASE_URL); CI runs them.');
}

const clock = new Date('2026-12-01T01:00:00Z'); // Tuesday 09:00 Shanghai
let t: TestDatabase;
let api: RunningApi;
let center: CenterSummary;
let items: ItemSummary[];
let seq = 0;

async function users(prefix: string, n: number): Promise<string[]> {
  const tokens: string[] = [];
  for (let i = 0; i < n; i += 25) {
    tokens.push(...(await Promise.all(Array.from({ length: Math.min(25, n - i) }, (_, j) => api.login(`${prefix}-${i + j}`)))));
  }
  return tokens;
}

async function openSlot(itemId: string, date: string, index: number): Promise<string> {
  const { body } = await api.get<Availability>(`/api/availability?center=${center.id}&item=${itemId}&from=${date}&to=${date}`);
  return body.days[0]!.slots[index]!.start;
}

const book = (token: string, itemId: string, slotStart: string, key = `conc-${++seq}-${Math.random().toString(36).slice(2)}`) =>
  api.call<Booking & { error?: { code: string } }>('POST', '/api/bookings', { token, idempotencyKey: key, body: { centerId: center.id, itemId, slotStart } });

async function seatsAt(slotStart: string) {
  const [row] = await t.db.query<{ booked: number; bookable: number; active: number }>(
    `select coalesce(sum(s.booked), 0)::int as booked, coalesce(sum(s.seats - s.walk_in_seats), 0)::int as bookable,
            (select count(*)::int from bookings b where b.center_id = $1 and b.slot_starts_at = $2::timestamptz
               and b.status in ('booked', 'confirmed', 'checked_in')) as active
     from slots s where s.center_id = $1 and s.starts_at = $2::timestamptz`,
    [center.id, slotStart],
  );
  return row!;
}

onServer('booking under concurrency (real PostgreSQL)', () => {
  beforeAll(async () => {
    t = await createTestDatabase();
    api = await startApi(t.db, {}, () => clock);
    center = (await api.get<{ centers: CenterSummary[] }>(`/api/centers?q=${encodeURIComponent('沙河镇')}&kind=center`)).body.centers[0]!;
    items = (await api.get<Page<ItemSummary>>(`/api/items?center=${center.id}&limit=20`)).body.rows;
  }, 120_000);

  afterAll(async () => {
    await api?.close();
    await t?.drop();
  });

  it('200 simultaneous requests for the last seat: exactly one wins', async () => {
    const slotStart = await openSlot(items[0]!.id, '2026-12-02', 0);
    const early = await users('early', 3);
    for (const token of early) expect((await book(token, items[0]!.id, slotStart)).status).toBe(201);
    const crowd = await users('crowd', 200);
    const results = await Promise.all(crowd.map((token) => book(token, items[0]!.id, slotStart)));
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(199);
    expect(results.filter((r) => r.status === 409).every((r) => r.body.error!.code === 'SLOT_FULL')).toBe(true);
    expect(await seatsAt(slotStart)).toEqual({ booked: 4, bookable: 4, active: 4 });
  }, 120_000);

  it('300 simultaneous requests for an empty slot: exactly its seats are booked', async () => {
    const slotStart = await openSlot(items[1]!.id, '2026-12-03', 2);
    const crowd = await users('crowd2', 300);
    const results = await Promise.all(crowd.map((token) => book(token, items[1]!.id, slotStart)));
    expect(results.filter((r) => r.status === 201)).toHaveLength(4);
    expect(results.every((r) => r.status === 201 || r.status === 409)).toBe(true);
    expect(await seatsAt(slotStart)).toEqual({ booked: 4, bookable: 4, active: 4 });
  }, 120_000);

  it('a cancellation racing 100 bookings frees exactly one seat, taken at most once', async () => {
    const slotStart = await openSlot(items[2]!.id, '2026-12-04', 4);
    const holders = await users('holder', 4);
    const held: Booking[] = [];
    for (const token of holders) held.push((await book(token, items[2]!.id, slotStart)).body);
    const crowd = await users('racer', 100);
    const [cancelled, ...attempts] = await Promise.all([
      api.call<Booking>('POST', `/api/bookings/${held[0]!.id}/cancel`, { token: holders[0], idempotencyKey: `cancel-${held[0]!.id}` }),
      ...crowd.map((token) => book(token, items[2]!.id, slotStart)),
    ]);
    expect(cancelled!.status).toBe(200);
    expect(attempts.filter((r) => r.status === 201).length).toBeLessThanOrEqual(1);
    const seats = await seatsAt(slotStart);
    expect(seats.booked).toBe(seats.active);
    expect(seats.booked).toBeLessThanOrEqual(4);
    expect(seats.booked).toBe(3 + attempts.filter((r) => r.status === 201).length);
  }, 120_000);

  it('30 retries of one request at once make one booking', async () => {
    const [token] = await users('retrier', 1);
    const slotStart = await openSlot(items[3]!.id, '2026-12-07', 1);
    const results = await Promise.all(Array.from({ length: 30 }, () => book(token!, items[3]!.id, slotStart, 'same-key-for-all-30')));
    expect(results.every((r) => r.status === 201)).toBe(true);
    expect(new Set(results.map((r) => r.body.id)).size).toBe(1);
    const [row] = await t.db.query<{ n: number }>(`select count(*)::int as n from bookings b join users u on u.id = b.booked_by where u.dev_login = 'retrier-0'`);
    expect(row!.n).toBe(1);
  }, 120_000);

  it('one person booking many items at once stays within the weekly cap', async () => {
    const [token] = await users('hoarder', 1);
    const date = '2026-12-08';
    const starts = await Promise.all(items.slice(5, 15).map((it, i) => openSlot(it.id, date, i)));
    const results = await Promise.all(items.slice(5, 15).map((it, i) => book(token!, it.id, starts[i]!)));
    expect(results.filter((r) => r.status === 201)).toHaveLength(2);
    expect(results.filter((r) => r.status === 409).every((r) => r.body.error!.code === 'WEEKLY_LIMIT_REACHED')).toBe(true);
  }, 120_000);

  it('leaves every slot consistent: counters equal active bookings, never above seats', async () => {
    const bad = await t.db.query(`
      select s.id from slots s
      left join bookings b on b.slot_id = s.id and b.status in ('booked', 'confirmed', 'checked_in')
      group by s.id, s.booked, s.seats, s.walk_in_seats
      having s.booked <> count(b.id) or s.booked > s.seats - s.walk_in_seats`);
    expect(bad).toEqual([]);
  });
});
