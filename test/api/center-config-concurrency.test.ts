// Configuration changes racing bookings on the real PostgreSQL server (PGlite runs one
// statement at a time and proves nothing here): capacity changes and closures interleaved with
// hundreds of bookings must leave every future slot consistent with the final configuration,
// never below its booked seats, and no booking on a closed day.
import type { Availability, Booking } from '../../server/contract/booking';
import type { CenterSummary, ItemSummary, Page } from '../../server/contract/catalogue';
import type { CenterConfig } from '../../server/contract/center-config';
import { type RunningApi, startApi } from '../support/api-server';
import { createTestDatabase, serverUrl, type TestDatabase } from '../support/database';

const onServer = serverUrl ? describe : describe.skip;
if (!serverUrl) {
  console.warn('SKIPPED: configuration concurrency tests need a PostgreSQL server (set TEST_DATABASE_URL); CI runs them.');
}

const clock = new Date('2026-12-01T01:00:00Z'); // Tuesday 09:00 Shanghai
let t: TestDatabase;
let api: RunningApi;
let center: CenterSummary;
let items: ItemSummary[];
let manager: string;
let seq = 0;

async function users(prefix: string, count: number): Promise<string[]> {
  const out: string[] = [];
  for (let i = 0; i < count; i += 25) {
    out.push(...(await Promise.all(Array.from({ length: Math.min(25, count - i) }, (_, j) => api.login(`${prefix}-${i + j}`)))));
  }
  return out;
}

const book = (token: string, itemId: string, slotStart: string) =>
  api.call<Booking>('POST', '/api/bookings', { token, idempotencyKey: `cc-${++seq}-${Math.random().toString(36).slice(2)}`, body: { centerId: center.id, itemId, slotStart } });

async function starts(itemId: string, date: string): Promise<string[]> {
  const { body } = await api.get<Availability>(`/api/availability?center=${center.id}&item=${itemId}&from=${date}&to=${date}`);
  return body.days[0]!.slots.map((s) => s.start);
}

/** Slots that disagree with the configuration as the database reads it, or with their bookings. */
async function inconsistentSlots() {
  return t.db.query(
    `with s as (
       select s.*, (select count(*) from bookings b where b.slot_id = s.id and b.status in ('booked', 'confirmed', 'checked_in'))::int as active,
              (select m.seats from app.config_sessions(s.window_id, s.starts_at) m limit 1) as cfg_seats,
              (select m.walk_in_seats from app.config_sessions(s.window_id, s.starts_at) m limit 1) as cfg_walk
       from slots s where s.center_id = $1 and s.starts_at > $2::timestamptz)
     select id, starts_at, seats, walk_in_seats, booked, active, cfg_seats, cfg_walk from s
     where booked <> active or booked > seats - walk_in_seats
        or (cfg_seats is null and (seats <> booked or walk_in_seats <> 0))
        or (cfg_seats is not null and cfg_seats - cfg_walk >= booked and (seats <> cfg_seats or walk_in_seats <> cfg_walk))
        or (cfg_seats is not null and cfg_seats - cfg_walk < booked and (seats <> booked + cfg_walk or walk_in_seats <> cfg_walk))`,
    [center.id, clock.toISOString()],
  );
}

onServer('configuration changes racing bookings (real PostgreSQL)', () => {
  beforeAll(async () => {
    t = await createTestDatabase();
    api = await startApi(t.db, {}, () => clock);
    center = (await api.get<{ centers: CenterSummary[] }>(`/api/centers?q=${encodeURIComponent('沙河镇')}&kind=center`)).body.centers[0]!;
    items = (await api.get<Page<ItemSummary>>(`/api/items?center=${center.id}&limit=20`)).body.rows;
    manager = await api.login('manager-shahe');
  }, 120_000);

  afterAll(async () => {
    await api?.close();
    await t?.drop();
  });

  it('capacity templates changed while 200 people book: every slot matches the final template or keeps its bookings', async () => {
    const date = '2026-12-02'; // Wednesday
    const config = (await api.call<CenterConfig>('GET', `/api/manage/centers/${center.id}`, { token: manager })).body;
    const windows = config.windows.filter((w) => w.active).map((w) => w.id);
    const times = await starts(items[0]!.id, date);
    const crowd = await users('cc-crowd', 200);
    const seatsFor = (i: number) => [{ starts: '08:30', ends: '12:00', slotMinutes: 30, seats: 1 + (i % 4), walkInSeats: i % 2 }];
    const changes = Array.from({ length: 12 }, (_, i) =>
      api.call('POST', `/api/manage/centers/${center.id}/capacity`, { token: manager, body: { windowId: windows[i % windows.length], weekdays: [3], sessions: seatsFor(i) } }));
    const bookings = crowd.map((token, i) => book(token, items[i % 5]!.id, times[i % 6]!));
    const results = await Promise.all([...changes, ...bookings]);
    expect(results.slice(0, 12).map((r) => r.status)).toEqual(Array(12).fill(200));
    const statuses = results.slice(12).map((r) => r.status);
    expect(statuses.every((s) => [201, 409, 422].includes(s))).toBe(true);
    expect(statuses.filter((s) => s === 201).length).toBeGreaterThan(0);
    expect(await inconsistentSlots()).toEqual([]);
  }, 180_000);

  it('a closure with cancelAffected racing 150 bookings: nothing stays booked on the closed day', async () => {
    const date = '2026-12-03';
    const times = await starts(items[1]!.id, date);
    const crowd = await users('cc-close', 150);
    const early = await Promise.all(crowd.slice(0, 20).map((token, i) => book(token, items[1 + (i % 4)]!.id, times[i % times.length]!)));
    expect(early.filter((r) => r.status === 201).length).toBeGreaterThan(0);
    const [closure, ...late] = await Promise.all([
      api.call('POST', `/api/manage/centers/${center.id}/closures`, { token: manager, body: { from: date, to: date, reason: '停电检修', cancelAffected: true } }),
      ...crowd.slice(20).map((token, i) => book(token, items[1 + (i % 4)]!.id, times[i % times.length]!)),
    ]);
    expect(closure!.status).toBe(200);
    expect(late.every((r) => [201, 409, 422].includes(r.status))).toBe(true);
    const [left] = await t.db.query<{ n: number }>(
      `select count(*)::int as n from bookings where center_id = $1 and (slot_starts_at at time zone 'Asia/Shanghai')::date = $2::date and status in ('booked', 'confirmed')`,
      [center.id, date]);
    expect(left!.n).toBe(0);
    const [seats] = await t.db.query<{ booked: number }>(
      `select coalesce(sum(booked), 0)::int as booked from slots where center_id = $1 and (starts_at at time zone 'Asia/Shanghai')::date = $2::date`, [center.id, date]);
    expect(seats!.booked).toBe(0);
    expect(await inconsistentSlots()).toEqual([]);
  }, 180_000);
});
