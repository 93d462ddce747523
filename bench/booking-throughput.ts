// Booking throughput and latency through the HTTP API, against a baseline measured in the same
// run: the same SQL function public.book(...) called directly on the database (the pg backend's
// rpc, one transaction), with the same candidate slots, the same users and the same concurrency.
//
//   npx tsx bench/booking-throughput.ts          (needs PostgreSQL at 127.0.0.1:5432)
//
// Every phase starts from the same state (bookings, slots, events and idempotency keys emptied,
// checkpoint), so HTTP and direct book exactly the same seats. A third, informative mode calls
// the booking service function (server/booking/booking-service.ts `book`) in this process with
// the same pool: the service's three rpcs and slot generation without HTTP, to show where the
// HTTP/direct gap comes from. Each phase is bounded by a
// request count and a time limit; the whole run by a watchdog.
import type { App } from '../server/app';
import { book } from '../server/booking/booking-service';
import { readConfig } from '../server/config/config';
import { type ApiClient, startApiProcess } from './lib/api';
import { BENCH_NOW, centresWithItems, dbOutcome, openSlots, outcomeOf, requestHash, residentCaller } from './lib/booking';
import { type BenchDatabase, createBenchDatabase, serverSettings } from './lib/db';
import { type LoadResult, machine, ratio, runLoad, watchdog, writeResults } from './lib/load';

const LEVELS = [1, 10, 50];
const MAX_REQUESTS: Record<number, number> = { 1: 800, 10: 2000, 50: 2000 };
const MAX_MS = 15_000;
const WARMUP_REQUESTS = 200;
const POOL_SIZE = Number(process.env.BENCH_POOL_SIZE ?? 10); // the server's default DATABASE_POOL_SIZE
const FROM = '2026-12-02';
const TO = '2026-12-15';

interface Task {
  centerId: string;
  itemId: string;
  slotStart: string;
  userId: string;
  token: string;
}

let bench: BenchDatabase | undefined;
let api: ApiClient | undefined;

async function cleanup(): Promise<void> {
  await api?.close().catch(() => undefined);
  await bench?.drop().catch(() => undefined);
}

/** The same starting state for every phase. */
async function reset(b: BenchDatabase): Promise<void> {
  // cascade: whatever else refers to bookings (reminders, cases …) holds only this phase's rows
  await b.admin.query('truncate public.booking_events, public.tickets, public.ticket_counters, public.bookings, public.idempotency_keys, public.slots cascade');
  await b.admin.query('analyze public.slots, public.bookings, public.booking_events, public.idempotency_keys');
  await b.admin.query('checkpoint');
}

/** After a phase: bookings made, and seat counters that agree with them. */
async function check(b: BenchDatabase) {
  const { rows } = await b.admin.query<{ bookings: number; overbooked: number; mismatched: number }>(`
    select (select count(*)::int from public.bookings) as bookings,
           (select count(*)::int from public.slots s where s.booked > s.seats - s.walk_in_seats) as overbooked,
           (select count(*)::int from public.slots s
             where s.booked <> (select count(*) from public.bookings bk where bk.slot_id = s.id and bk.status not in ('cancelled', 'declined'))) as mismatched`);
  return rows[0]!;
}

async function main(): Promise<void> {
  const started = Date.now();
  watchdog(240, cleanup);
  console.log(`booking throughput: HTTP API vs public.book() directly; pool ${POOL_SIZE}; now = ${BENCH_NOW.toISOString()}`);
  bench = await createBenchDatabase('throughput', POOL_SIZE);
  const b = bench;
  api = await startApiProcess({ databaseUrl: b.url, now: BENCH_NOW, poolSize: POOL_SIZE });
  const a = api;

  // Seats: every start time with seats left at every centre and station, per GET /api/availability.
  const centres = await centresWithItems(a);
  const perCentre = await Promise.all(
    centres.map(async ({ center, items }) => {
      const slots = await openSlots(a, center.id, items[0]!.id, FROM, TO);
      // one entry per seat, seat 0 of every start first: a centre's next task is at another time
      const seats: { start: string }[] = [];
      const maxSeats = Math.max(0, ...slots.map((s) => s.remaining));
      for (let k = 0; k < maxSeats; k++) for (const s of slots) if (s.remaining > k) seats.push({ start: s.start });
      return { center, items, seats };
    }),
  );
  const seatCount = perCentre.reduce((n, c) => n + c.seats.length, 0);
  const needed = Math.max(...Object.values(MAX_REQUESTS), WARMUP_REQUESTS);
  // Interleave centres so concurrent requests mostly hit different slots (contention is bench/overbooking.ts's subject).
  const plan: { centerId: string; itemId: string; slotStart: string }[] = [];
  for (let round = 0; plan.length < needed; round++) {
    let added = false;
    for (const c of perCentre) {
      const seat = c.seats[round];
      if (!seat || plan.length >= needed) continue;
      plan.push({ centerId: c.center.id, itemId: c.items[round % c.items.length]!.id, slotStart: seat.start });
      added = true;
    }
    if (!added) throw new Error(`only ${plan.length} seats open between ${FROM} and ${TO}, need ${needed}`);
  }

  // Users: one per request, made by the development login (the same users book in every phase).
  const logins = plan.map((_, i) => `tp-${i}`);
  const users: { token: string; userId: string }[] = new Array(logins.length);
  let nextLogin = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      for (let i = nextLogin++; i < logins.length; i = nextLogin++) users[i] = await a.login(logins[i]!);
    }),
  );
  const tasks: Task[] = plan.map((p, i) => ({ ...p, ...users[i]! }));
  console.log(`set-up: ${perCentre.length} centres and stations, ${seatCount} open seats ${FROM}..${TO}, ${tasks.length} users (${((Date.now() - started) / 1000).toFixed(1)} s)`);

  let phase = 0;
  const http = (label: string) => async (i: number) => {
    const t = tasks[i]!;
    const res = await a.request('POST', '/api/bookings', {
      token: t.token,
      idempotencyKey: `bench-${label}-${phase}-${i}`,
      body: { centerId: t.centerId, itemId: t.itemId, slotStart: t.slotStart },
    });
    return outcomeOf(res.status, res.body);
  };
  const direct = (label: string) => async (i: number) => {
    const t = tasks[i]!;
    try {
      await b.db.rpc(
        'book',
        {
          p_center: t.centerId,
          p_item: t.itemId,
          p_slot_start: new Date(t.slotStart).toISOString(),
          p_now: BENCH_NOW.toISOString(),
          p_idempotency_key: `bench-${label}-${phase}-${i}`,
          p_request_hash: requestHash(t),
        },
        residentCaller(t.userId),
      );
      return 'ok';
    } catch (error) {
      return dbOutcome(error);
    }
  };

  const app: App = { config: readConfig({ APP_MODE: 'development', DATA_BACKEND: 'pg', DATABASE_URL: b.url }), db: b.db };
  const service = (label: string) => async (i: number) => {
    const t = tasks[i]!;
    try {
      await book(app, residentCaller(t.userId), { centerId: t.centerId, itemId: t.itemId, slotStart: t.slotStart }, `bench-${label}-${phase}-${i}`, BENCH_NOW);
      return 'ok';
    } catch (error) {
      return dbOutcome(error);
    }
  };
  const runners = { http, direct, service };

  async function measure(mode: 'http' | 'direct' | 'service', concurrency: number, maxRequests: number) {
    await reset(b);
    phase++;
    const result = await runLoad({ concurrency, maxRequests, maxMs: MAX_MS, run: runners[mode](mode) });
    const state = await check(b);
    const ok = (result.outcomes['201'] ?? 0) + (result.outcomes.ok ?? 0);
    return { ...result, succeeded: ok, bookingsInDatabase: state.bookings, overbookedSlots: state.overbooked, mismatchedSlots: state.mismatched };
  }

  // Warm-up (not reported): JIT, pools, plan caches on both paths.
  await measure('direct', 10, WARMUP_REQUESTS);
  await measure('http', 10, WARMUP_REQUESTS);

  await measure('service', 10, WARMUP_REQUESTS);

  type Measured = LoadResult & { succeeded: number; bookingsInDatabase: number; overbookedSlots: number; mismatchedSlots: number };
  const rows: { concurrency: number; direct: Measured; service: Measured; http: Measured }[] = [];
  for (const c of LEVELS) {
    const d = await measure('direct', c, MAX_REQUESTS[c]!);
    const s = await measure('service', c, MAX_REQUESTS[c]!);
    const h = await measure('http', c, MAX_REQUESTS[c]!);
    rows.push({ concurrency: c, direct: d, service: s, http: h });
    console.log(`  concurrency ${c}: direct ${d.requestsPerSecond}/s, service ${s.requestsPerSecond}/s, HTTP ${h.requestsPerSecond}/s`);
  }

  const comparisons = rows.map((r) => ({
    concurrency: r.concurrency,
    throughputRatioHttpOverDirect: ratio(r.http.requestsPerSecond, r.direct.requestsPerSecond),
    p50RatioHttpOverDirect: ratio(r.http.latencyMs.p50, r.direct.latencyMs.p50),
    p99RatioHttpOverDirect: ratio(r.http.latencyMs.p99, r.direct.latencyMs.p99),
    throughputRatioServiceOverDirect: ratio(r.service.requestsPerSecond, r.direct.requestsPerSecond),
    throughputRatioHttpOverService: ratio(r.http.requestsPerSecond, r.service.requestsPerSecond),
  }));
  const problems = rows.flatMap((r) =>
    (['direct', 'service', 'http'] as const).flatMap((m) => {
      const x = r[m];
      const out: string[] = [];
      if (x.succeeded !== x.requests) out.push(`${m} c=${r.concurrency}: ${x.requests - x.succeeded} of ${x.requests} did not book: ${JSON.stringify(x.outcomes)}`);
      if (x.bookingsInDatabase !== x.succeeded) out.push(`${m} c=${r.concurrency}: ${x.succeeded} successes but ${x.bookingsInDatabase} bookings in the database`);
      if (x.overbookedSlots || x.mismatchedSlots) out.push(`${m} c=${r.concurrency}: ${x.overbookedSlots} overbooked, ${x.mismatchedSlots} mismatched slots`);
      return out;
    }),
  );

  const file = writeResults('booking-throughput', {
    benchmark: 'booking-throughput',
    at: new Date().toISOString(),
    machine: machine(),
    postgres: await serverSettings(b.admin),
    now: BENCH_NOW.toISOString(),
    poolSize: POOL_SIZE,
    limits: { maxRequests: MAX_REQUESTS, maxMsPerPhase: MAX_MS, warmupRequests: WARMUP_REQUESTS },
    seats: { from: FROM, to: TO, open: seatCount, centres: perCentre.length },
    baseline: 'public.book(...) via openPg(url, pool).rpc("book", …) as the same users, same arguments (one transaction: set role/claims, select book, commit)',
    informative: 'service: server/booking/booking-service.ts book() in the benchmark process with the same pool (one book rpc), no HTTP',
    measured: 'POST /api/bookings on the API server process (server/http/server.ts + the router, pg backend): token check, validation, one book rpc',
    results: rows,
    comparisons,
    problems,
    seconds: (Date.now() - started) / 1000,
  });

  console.log('\nbooking throughput (requests/s; latency ms), HTTP API vs public.book() directly, same seats and users');
  console.table(
    rows.map((r, i) => ({
      concurrency: r.concurrency,
      'direct req/s': r.direct.requestsPerSecond,
      'direct p50': r.direct.latencyMs.p50,
      'direct p99': r.direct.latencyMs.p99,
      'HTTP req/s': r.http.requestsPerSecond,
      'HTTP p50': r.http.latencyMs.p50,
      'HTTP p99': r.http.latencyMs.p99,
      'req/s HTTP/direct': comparisons[i]!.throughputRatioHttpOverDirect,
      'service req/s': r.service.requestsPerSecond,
      'p50 HTTP/direct': comparisons[i]!.p50RatioHttpOverDirect,
      'p99 HTTP/direct': comparisons[i]!.p99RatioHttpOverDirect,
      'requests d/s/h': `${r.direct.requests}/${r.service.requests}/${r.http.requests}`,
    })),
  );
  if (problems.length) console.log(`PROBLEMS:\n  ${problems.join('\n  ')}`);
  console.log(`results: ${file}`);
  await cleanup();
  process.exit(problems.length ? 1 : 0);
}

main().catch(async (error) => {
  console.error(error);
  await cleanup();
  process.exit(1);
});
