// Concurrency runs against the seat guarantee: for several slots with few seats, N distinct
// users (N = 50, 100, 200) ask for the same start time at once, through the HTTP API and
// directly on public.book(). Afterwards SQL counts slots with more bookings than bookable seats
// and slots whose counter differs from the bookings holding a seat in them.
//
//   npx tsx bench/overbooking.ts          (needs PostgreSQL at 127.0.0.1:5432)
//
// Prints "overbookings: <count>" and exits non-zero when it is not 0, when a counter disagrees
// with the bookings, when a burst sold a different number of seats than were free, or when any
// request failed with anything other than SLOT_FULL.
import { openPg } from '../server/db/pg';
import type { SqlDatabase } from '../server/db/database';
import { type ApiClient, startApiProcess } from './lib/api';
import { BENCH_NOW, centresWithItems, dbOutcome, makeUsers, openSlots, outcomeOf, requestHash, residentCaller } from './lib/booking';
import { type BenchDatabase, createBenchDatabase, serverSettings } from './lib/db';
import { machine, summarise, watchdog, writeResults } from './lib/load';
import { performance } from 'node:perf_hooks';

const CROWDS = [50, 100, 200];
const API_POOL_SIZE = 10; // the server's default DATABASE_POOL_SIZE
const DIRECT_POOL_SIZE = 80; // direct calls: up to 80 transactions at once on the slot rows (max_connections 100)
const WARMUP_CROWD = 80; // one untimed burst per mode first: every pooled connection has compiled the functions
const FROM = '2026-12-02';
const TO = '2026-12-15';

/** The slots a crowd goes for: seats bookable online per start time, and how many are taken first. */
const SHAPES = [
  { name: '1 seat (one window)', windows: 1, prefill: 0 },
  { name: '3 seats (three windows)', windows: 3, prefill: 0 },
  { name: 'last of 4 seats (four windows, 3 taken)', windows: 4, prefill: 3 },
];

let bench: BenchDatabase | undefined;
let api: ApiClient | undefined;
let direct: SqlDatabase | undefined;

async function cleanup(): Promise<void> {
  await api?.close().catch(() => undefined);
  await direct?.close().catch(() => undefined);
  await bench?.drop().catch(() => undefined);
}

interface Burst {
  mode: 'http' | 'direct';
  crowd: number;
  shape: string;
  centerId: string;
  slotStart: string;
  capacity: number;
  freeBefore: number;
  booked: number;
  outcomes: Record<string, number>;
  wallMs: number;
  latencyMs: ReturnType<typeof summarise>;
}

async function main(): Promise<void> {
  const started = Date.now();
  watchdog(240, cleanup);
  console.log(`overbooking: crowds of ${CROWDS.join(', ')} distinct users on one start time, via HTTP and directly; now = ${BENCH_NOW.toISOString()}`);
  bench = await createBenchDatabase('overbooking', API_POOL_SIZE);
  const b = bench;
  api = await startApiProcess({ databaseUrl: b.url, now: BENCH_NOW, poolSize: API_POOL_SIZE });
  const a = api;
  direct = openPg(b.url, DIRECT_POOL_SIZE);
  const d = direct;

  // Targets: distinct start times at centres with 1, 3 and 4 windows (one bookable seat per window).
  const centres = await centresWithItems(a, 5);
  const { rows: windowCounts } = await b.admin.query<{ center_id: string; n: number }>(
    `select center_id, count(*)::int as n from public.windows where active group by center_id`,
  );
  const windowsOf = new Map(windowCounts.map((r) => [r.center_id, r.n]));
  const perRun = CROWDS.length * 2 + 2; // bursts per shape: every crowd size, both modes, and a warm-up per mode
  const targets = new Map<string, { centerId: string; itemIds: string[]; slotStart: string; capacity: number }[]>();
  for (const shape of SHAPES) {
    const list: { centerId: string; itemIds: string[]; slotStart: string; capacity: number }[] = [];
    const eligible = centres.filter((c) => windowsOf.get(c.center.id) === shape.windows);
    const slotsByCentre = await Promise.all(eligible.map((c) => openSlots(a, c.center.id, c.items[0]!.id, FROM, TO)));
    for (let k = 0; list.length < perRun && k < 100; k++) {
      for (const [i, c] of eligible.entries()) {
        const s = slotsByCentre[i]!.filter((x) => x.remaining === x.capacity && x.capacity === shape.windows)[k];
        if (s && list.length < perRun) list.push({ centerId: c.center.id, itemIds: c.items.map((it) => it.id), slotStart: s.start, capacity: s.capacity });
      }
    }
    if (list.length < perRun) throw new Error(`only ${list.length} empty slots with ${shape.windows} seats, need ${perRun}`);
    targets.set(shape.name, list);
  }

  // Users: distinct for every request. HTTP ones through the development login, direct ones
  // through the service-role rpc it uses.
  const perMode = SHAPES.reduce((n, s) => n + s.prefill, 0) * CROWDS.length + CROWDS.reduce((n, c) => n + c, 0) * SHAPES.length + WARMUP_CROWD;
  const httpLogins = Array.from({ length: perMode }, (_, i) => `ob-http-${i}`);
  const httpTokens: string[] = new Array(perMode);
  let nextLogin = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      for (let i = nextLogin++; i < perMode; i = nextLogin++) httpTokens[i] = (await a.login(httpLogins[i]!)).token;
    }),
  );
  const directUsers = await makeUsers(b.db, 'ob-direct', perMode);
  // open the direct pool's connections now, not during the first burst
  await Promise.all(Array.from({ length: DIRECT_POOL_SIZE }, () => d.query('select pg_sleep(0.05)')));
  console.log(`set-up: ${perMode} users per mode, ${SHAPES.length * perRun} target slots (${((Date.now() - started) / 1000).toFixed(1)} s)`);

  const used = { http: 0, direct: 0 };
  let keySeq = 0;

  async function bookOnce(mode: 'http' | 'direct', centerId: string, itemId: string, slotStart: string): Promise<string> {
    const userIndex = used[mode]++;
    const key = `overbook-${mode}-${++keySeq}`;
    if (mode === 'http') {
      const res = await a.request('POST', '/api/bookings', { token: httpTokens[userIndex]!, idempotencyKey: key, body: { centerId, itemId, slotStart } });
      return outcomeOf(res.status, res.body);
    }
    try {
      await d.rpc(
        'book',
        {
          p_center: centerId,
          p_item: itemId,
          p_slot_start: new Date(slotStart).toISOString(),
          p_now: BENCH_NOW.toISOString(),
          p_idempotency_key: key,
          p_request_hash: requestHash({ centerId, itemId, slotStart }),
        },
        residentCaller(directUsers[userIndex]!),
      );
      return '201';
    } catch (error) {
      const o = dbOutcome(error);
      return o.startsWith('P0001 ') ? `409 ${o.slice(6)}` : o; // SLOT_FULL etc., as the API would answer
    }
  }

  async function burst(mode: 'http' | 'direct', crowd: number, shape: (typeof SHAPES)[number]): Promise<Burst> {
    const t = targets.get(shape.name)!.shift()!;
    for (let i = 0; i < shape.prefill; i++) {
      const o = await bookOnce(mode, t.centerId, t.itemIds[i % t.itemIds.length]!, t.slotStart);
      if (o !== '201') throw new Error(`pre-filling ${t.slotStart}: ${o}`);
    }
    const latencies: number[] = [];
    const t0 = performance.now();
    const outcomes = await Promise.all(
      Array.from({ length: crowd }, async (_, i) => {
        const s = performance.now();
        const o = await bookOnce(mode, t.centerId, t.itemIds[i % t.itemIds.length]!, t.slotStart);
        latencies.push(performance.now() - s);
        return o;
      }),
    );
    const wallMs = performance.now() - t0;
    const counted: Record<string, number> = {};
    for (const o of outcomes) counted[o] = (counted[o] ?? 0) + 1;
    return {
      mode,
      crowd,
      shape: shape.name,
      centerId: t.centerId,
      slotStart: t.slotStart,
      capacity: t.capacity,
      freeBefore: t.capacity - shape.prefill,
      booked: counted['201'] ?? 0,
      outcomes: counted,
      wallMs: Math.round(wallMs),
      latencyMs: summarise(latencies),
    };
  }

  // Warm-up bursts (checked like the others, not shown in the table).
  const warmups = [await burst('http', WARMUP_CROWD, SHAPES[1]!), await burst('direct', WARMUP_CROWD, SHAPES[1]!)];
  const bursts: Burst[] = [];
  for (const crowd of CROWDS) {
    for (const mode of ['http', 'direct'] as const) {
      for (const shape of SHAPES) bursts.push(await burst(mode, crowd, shape));
    }
    console.log(`  crowds of ${crowd}: done`);
  }

  // The checks, in SQL, over every slot in the database.
  const { rows } = await b.admin.query<{ slots: number; overbooked: number; mismatched: number; bookings: number }>(`
    select (select count(*)::int from public.slots) as slots,
           (select count(*)::int from public.bookings) as bookings,
           (select count(*)::int from public.slots s where s.booked > s.seats - s.walk_in_seats) as overbooked,
           (select count(*)::int from public.slots s
             where s.booked <> (select count(*) from public.bookings bk
                                where bk.slot_id = s.id and bk.status not in ('cancelled', 'declined'))) as mismatched`);
  const check = rows[0]!;
  // Per start time (all windows pooled): bookings never above the bookable seats.
  const { rows: pooled } = await b.admin.query<{ n: number }>(`
    select count(*)::int as n from (
      select s.center_id, s.starts_at, sum(s.seats - s.walk_in_seats) as bookable,
             (select count(*) from public.bookings bk where bk.center_id = s.center_id and bk.slot_starts_at = s.starts_at
                and bk.status not in ('cancelled', 'declined')) as holding
      from public.slots s group by s.center_id, s.starts_at) x
    where x.holding > x.bookable`);
  const overbookedStarts = pooled[0]!.n;

  const problems: string[] = [];
  for (const x of [...warmups, ...bursts]) {
    const expected = Math.min(x.freeBefore, x.crowd);
    if (x.booked !== expected) problems.push(`${x.mode} crowd ${x.crowd}, ${x.shape}: ${x.booked} booked, ${expected} seats were free`);
    const unexpected = Object.keys(x.outcomes).filter((o) => o !== '201' && o !== '409 SLOT_FULL');
    if (unexpected.length) problems.push(`${x.mode} crowd ${x.crowd}, ${x.shape}: unexpected answers ${JSON.stringify(x.outcomes)}`);
  }
  const overbookings = check.overbooked + overbookedStarts;
  if (check.mismatched) problems.push(`${check.mismatched} slots whose counter differs from the bookings holding a seat in them`);

  const file = writeResults('overbooking', {
    benchmark: 'overbooking',
    at: new Date().toISOString(),
    machine: machine(),
    postgres: await serverSettings(b.admin),
    now: BENCH_NOW.toISOString(),
    apiPoolSize: API_POOL_SIZE,
    directPoolSize: DIRECT_POOL_SIZE,
    warmups,
    bursts,
    checks: {
      slots: check.slots,
      bookings: check.bookings,
      overbookedSlots: check.overbooked,
      overbookedStartTimes: overbookedStarts,
      mismatchedSlots: check.mismatched,
      sql: {
        overbookedSlots: 'slots where booked > seats - walk_in_seats',
        mismatchedSlots: "slots where booked <> count(bookings referencing the slot with status not in ('cancelled', 'declined'))",
        overbookedStartTimes: 'per (centre, start): seat-holding bookings > sum of bookable seats of its slots',
      },
    },
    overbookings,
    problems,
    seconds: (Date.now() - started) / 1000,
  });

  console.log('\nbursts (all requests of a burst sent at once; latency ms)');
  console.table(
    bursts.map((x) => ({
      mode: x.mode,
      crowd: x.crowd,
      slot: x.shape,
      free: x.freeBefore,
      booked: x.booked,
      'SLOT_FULL': x.outcomes['409 SLOT_FULL'] ?? 0,
      other: x.crowd - x.booked - (x.outcomes['409 SLOT_FULL'] ?? 0),
      'wall ms': x.wallMs,
      p50: x.latencyMs.p50,
      p99: x.latencyMs.p99,
    })),
  );
  console.log(`slots checked: ${check.slots}, bookings: ${check.bookings}`);
  console.log(`slots with booked > seats - walk_in_seats: ${check.overbooked}; start times over their pooled seats: ${overbookedStarts}`);
  console.log(`slots whose counter differs from their bookings: ${check.mismatched}`);
  console.log(`overbookings: ${overbookings}`);
  if (problems.length) console.log(`PROBLEMS:\n  ${problems.join('\n  ')}`);
  console.log(`results: ${file}`);
  await cleanup();
  process.exit(overbookings > 0 || problems.length > 0 ? 1 : 0);
}

main().catch(async (error) => {
  console.error(error);
  await cleanup();
  process.exit(1);
});
