// Availability for one centre over 14 days on a database holding a year of history for all 48
// centres and stations, through the HTTP API, against the baseline of the SQL function it
// calls (public.booking_setup) measured directly in the same run; plus EXPLAIN (ANALYZE,
// BUFFERS) of the queries that must stay on indexes as history grows, asserted.
//
//   npx tsx bench/availability.ts          (needs PostgreSQL at 127.0.0.1:5432)
//
// History is generated with set-based SQL as the superuser: materialised slots for every
// session of every window for the 365 days before "now" and the 14 after (statutory holidays
// left out, adjusted working weekends on Monday's templates, as app.generate_day_slots does),
// bookings in most bookable seats (completed, some no-shows, cancelled extras; active ones in
// the coming days), and their events. The run exits non-zero when a plan reads slots or
// bookings with a sequential scan.
import { performance } from 'node:perf_hooks';
import type pg from 'pg';
import type { Availability } from '../server/contract/booking';
import { dayStatus } from '../server/calendar/working-days';
import { addDays, datesBetween, shanghaiDate } from '../server/calendar/shanghai-time';
import { ANONYMOUS } from '../server/db/database';
import { type ApiClient, startApiProcess } from './lib/api';
import { BENCH_NOW } from './lib/booking';
import { type BenchDatabase, createBenchDatabase, serverSettings } from './lib/db';
import { type LoadResult, machine, ratio, runLoad, watchdog, writeResults } from './lib/load';

const HISTORY_DAYS = 365;
const AHEAD_DAYS = 14;
const HISTORY_PEOPLE = 8000; // residents who made the past year's bookings
const ITERATIONS = { sequential: 300, concurrent: 400 };
const MAX_MS = 15_000;
const POOL_SIZE = 10;
const ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

let bench: BenchDatabase | undefined;
let api: ApiClient | undefined;

async function cleanup(): Promise<void> {
  await api?.close().catch(() => undefined);
  await bench?.drop().catch(() => undefined);
}

const seconds = (t0: number) => `${((Date.now() - t0) / 1000).toFixed(1)} s`;

/** An 8-character booking code from a sequence number: a bijection on 40 bits, so unique. */
function codeSql(seq: string): string {
  const x = `((${seq})::bigint * 2654435761 & 1099511627775)`;
  return Array.from({ length: 8 }, (_, i) => `substr('${ALPHABET}', ((${x} >> ${5 * i}) & 31)::int + 1, 1)`).join(' || ');
}

async function generateHistory(admin: pg.Client): Promise<Record<string, number>> {
  const today = shanghaiDate(BENCH_NOW);
  // Which weekday's templates each date uses: none on statutory holidays, Monday's on adjusted
  // working weekends (app.generate_day_slots, supabase/schemas/40_booking.sql).
  const dates = datesBetween(addDays(today, -HISTORY_DAYS), addDays(today, AHEAD_DAYS));
  const cal = dates.flatMap((d) => {
    const s = dayStatus(d);
    if (s.kind === 'holiday') return [];
    return [{ d, tw: s.kind === 'adjusted_workday' ? 1 : s.weekday }];
  });
  const q = async (sql: string, params?: unknown[]) => {
    const t0 = Date.now();
    const res = await admin.query(sql, params);
    if (process.env.BENCH_VERBOSE) console.log(`    ${((Date.now() - t0) / 1000).toFixed(1).padStart(5)} s  ${sql.trim().split('\n')[0]!.slice(0, 90)}`);
    return res;
  };
  const now = BENCH_NOW.toISOString();

  await q(`create temp table cal (d date primary key, tw smallint not null)`);
  await q(`insert into cal select * from unnest($1::date[], $2::smallint[])`, [cal.map((c) => c.d), cal.map((c) => c.tw)]);

  // Every slot of every window's sessions on every date (templates valid that day).
  await q(`
    create temp table gs as
    select row_number() over (order by x.starts_at, x.window_id) as n, extensions.gen_random_uuid() as id, x.*
    from (
      select t.center_id, t.window_id, c.d,
             ((c.d + t.starts) + make_interval(mins => k * t.slot_minutes)) at time zone 'Asia/Shanghai' as starts_at,
             ((c.d + t.starts) + make_interval(mins => (k + 1) * t.slot_minutes)) at time zone 'Asia/Shanghai' as ends_at,
             t.seats, t.walk_in_seats
      from cal c
      join public.capacity_templates t on t.weekday = c.tw
        and (t.valid_from is null or t.valid_from <= c.d) and (t.valid_to is null or c.d <= t.valid_to)
      join public.windows w on w.id = t.window_id and w.active
      cross join lateral generate_series(0, (extract(epoch from (t.ends - t.starts))::int / 60) / t.slot_minutes - 1) k
      where t.seats > 0
    ) x`);
  // Which seats are taken: 90 % of past bookable seats; in the coming days, fuller the nearer.
  await q(`
    alter table gs add column held boolean, add column extra_cancel boolean;
    update gs set
      held = seats - walk_in_seats > 0 and case
        when starts_at < '${now}'::timestamptz then abs(hashint8(n)) % 1000 < 900
        else abs(hashint8(n)) % 1000 < 850 - 40 * (d - date '${today}') end,
      extra_cancel = abs(hashint8(n + 7777777)) % 100 < 15;`);
  // Foreign keys are checked once, set-based, after the load (below) instead of row by row:
  // replica mode skips the row triggers, so refuse if the schema has triggers other than those.
  const { rows: triggers } = await q(`
    select tgrelid::regclass::text || '.' || tgname as name from pg_trigger
    where not tgisinternal and tgrelid in ('public.slots'::regclass, 'public.bookings'::regclass, 'public.booking_events'::regclass)`);
  if (triggers.length) throw new Error(`the bulk load would skip these triggers: ${triggers.map((t: { name: string }) => t.name).join(', ')}; load without session_replication_role`);
  await q(`set session_replication_role = replica`);
  await q(`
    insert into public.slots (id, center_id, window_id, starts_at, ends_at, seats, walk_in_seats, booked)
    select id, center_id, window_id, starts_at, ends_at, seats, walk_in_seats, held::int from gs order by n`);

  // One booking per taken seat, plus cancelled ones that once held a seat and gave it back.
  await q(`
    create temp table gb as
    select row_number() over (order by g.n, k.kind) as seq, g.id as slot_id, g.center_id, g.window_id, g.starts_at, g.ends_at,
           k.kind, g.starts_at < '${now}'::timestamptz as past
    from gs g cross join lateral (values ('held'), ('cancelled')) k(kind)
    where (k.kind = 'held' and g.held) or (k.kind = 'cancelled' and g.extra_cancel)`);
  await q(`
    alter table gb add column status public.booking_status, add column person_i int;
    update gb set
      status = case
        when kind = 'cancelled' then 'cancelled'
        when past then case when abs(hashint8(seq * 3)) % 100 < 92 then 'completed' else 'no_show' end
        else case when seq % 3 = 0 then 'confirmed' else 'booked' end end::public.booking_status,
      person_i = (seq % ${HISTORY_PEOPLE})::int;`);
  // Active bookings in the coming days: one person each (one active booking per person and item).
  await q(`
    update gb set person_i = ${HISTORY_PEOPLE} + r.rank - 1
    from (select seq, row_number() over (order by seq) as rank from gb where kind = 'held' and not past) r
    where gb.seq = r.seq`);

  // The people: a user with its own person ('self' link) each.
  await q(`
    create temp table ppl as
    select i, extensions.gen_random_uuid() as user_id, extensions.gen_random_uuid() as person_id
    from generate_series(0, (select max(person_i) from gb)) i;
    alter table ppl add primary key (i);
    insert into public.users (id, display_name, dev_login, created_at)
      select user_id, '居民' || i, 'hist-' || i, '2025-06-01T00:00:00+08:00' from ppl;
    insert into public.persons (id, full_name, created_at) select person_id, '居民' || i, '2025-06-01T00:00:00+08:00' from ppl;
    insert into public.person_links (user_id, person_id, relation, consented_at, created_at)
      select user_id, person_id, 'self', '2025-06-01T00:00:00+08:00', '2025-06-01T00:00:00+08:00' from ppl;`);
  await q(`
    create temp table ci as
    select center_id, array_agg(item_id order by item_id) as items, count(*)::int as n from public.center_items group by center_id`);

  await q(`
    insert into public.bookings (id, code, center_id, item_id, window_id, slot_id, slot_starts_at, slot_ends_at,
      applicant_id, booked_by, booked_via, status, created_at, updated_at, cancelled_at, checked_in_at)
    select extensions.gen_random_uuid(), ${codeSql('g.seq')}, g.center_id,
           ci.items[1 + abs(hashint8(g.seq * 5)) % ci.n], g.window_id, g.slot_id, g.starts_at, g.ends_at,
           p.person_id, p.user_id, 'self', g.status, x.created_at,
           case g.status when 'completed' then g.ends_at when 'no_show' then g.ends_at + interval '15 minutes'
                         when 'cancelled' then x.created_at + interval '1 hour' else x.created_at end,
           case when g.status = 'cancelled' then x.created_at + interval '1 hour' end,
           case when g.status = 'completed' then g.starts_at + interval '3 minutes' end
    from gb g
    join ppl p on p.i = g.person_i
    join ci on ci.center_id = g.center_id
    cross join lateral (select least(g.starts_at - make_interval(hours => 24 + (g.seq % 144)::int),
                                     '${now}'::timestamptz - make_interval(mins => (g.seq % 600)::int)) as created_at) x
    order by g.seq`);
  await q(`
    insert into public.booking_events (booking_id, at, kind, actor_id)
    select b.id, e.at, e.kind, e.actor
    from public.bookings b
    cross join lateral (values
      (b.created_at, 'booked', b.booked_by),
      (case when b.status = 'confirmed' then b.created_at + interval '2 hours' end, 'confirmed', null::uuid),
      (b.checked_in_at, 'checked_in', null::uuid),
      (case when b.status = 'completed' then b.slot_ends_at end, 'completed', null::uuid),
      (case when b.status = 'no_show' then b.updated_at end, 'no_show', null::uuid),
      (b.cancelled_at, 'cancelled', b.booked_by)) e(at, kind, actor)
    where e.at is not null
    order by b.slot_starts_at, e.at`);
  await q(`set session_replication_role = origin`);
  await q(`drop table gs, gb, ppl, ci, cal`);
  // Every foreign key of the loaded tables holds (what the skipped row triggers would have checked).
  const { rows: fks } = await q(`
    select c.conrelid::regclass::text as child, c.confrelid::regclass::text as parent,
           array_agg(a.attname::text order by k.i) as cols, array_agg(af.attname::text order by k.i) as pcols
    from pg_constraint c
    cross join lateral unnest(c.conkey, c.confkey) with ordinality k(ck, pk, i)
    join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.ck
    join pg_attribute af on af.attrelid = c.confrelid and af.attnum = k.pk
    where c.contype = 'f' and c.conrelid in ('public.slots'::regclass, 'public.bookings'::regclass, 'public.booking_events'::regclass)
    group by c.oid, c.conrelid, c.confrelid`);
  for (const fk of fks as { child: string; parent: string; cols: string[]; pcols: string[] }[]) {
    const notNull = fk.cols.map((c) => `x.${c} is not null`).join(' and ');
    const match = fk.cols.map((c, i) => `p.${fk.pcols[i]} = x.${c}`).join(' and ');
    const { rows: bad } = await q(`select count(*)::int as n from ${fk.child} x where ${notNull} and not exists (select 1 from ${fk.parent} p where ${match})`);
    if (bad[0].n) throw new Error(`history generator bug: ${bad[0].n} rows of ${fk.child} break its foreign key (${fk.cols.join(', ')}) to ${fk.parent}`);
  }
  // Steady state, as autovacuum would leave it: statistics and the visibility map.
  await q(`vacuum (analyze) public.slots, public.bookings, public.booking_events, public.users, public.persons, public.person_links`);
  await q(`analyze`);

  const { rows } = await q(`
    select (select count(*)::int from public.slots) as slots,
           (select count(*)::int from public.bookings) as bookings,
           (select count(*)::int from public.booking_events) as booking_events,
           (select count(*)::int from public.users) as users,
           (select count(*)::int from public.persons) as persons,
           (select count(*)::int from public.bookings where status = 'completed') as completed,
           (select count(*)::int from public.bookings where status = 'no_show') as no_show,
           (select count(*)::int from public.bookings where status = 'cancelled') as cancelled,
           (select count(*)::int from public.bookings where status in ('booked', 'confirmed')) as active,
           (select count(*)::int from public.slots s where s.booked <> (select count(*) from public.bookings b
              where b.slot_id = s.id and b.status not in ('cancelled', 'declined'))) as inconsistent_slots,
           pg_total_relation_size('public.slots')::bigint / 1048576 as slots_mib,
           pg_total_relation_size('public.bookings')::bigint / 1048576 as bookings_mib,
           pg_total_relation_size('public.booking_events')::bigint / 1048576 as booking_events_mib`);
  const counts = Object.fromEntries(Object.entries(rows[0] as Record<string, string | number>).map(([k, v]) => [k, Number(v)]));
  if (counts.inconsistent_slots) throw new Error(`history generator bug: ${counts.inconsistent_slots} slots whose counter differs from their bookings`);
  return counts;
}

// ---------------------------------------------------------------------------------------------
// Plans

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  Plans?: PlanNode[];
  [key: string]: unknown;
}

function walk(node: PlanNode, visit: (n: PlanNode) => void): void {
  visit(node);
  for (const child of node.Plans ?? []) walk(child, visit);
}

interface PlanReport {
  name: string;
  planCacheMode: 'force_custom_plan' | 'force_generic_plan';
  role: string;
  sql: string;
  params: unknown[];
  executionMs: number;
  scans: { node: string; relation: string; index: string | null }[];
  seqScansOnGuarded: string[];
  usesIndexOn: string[];
  text: string;
  json: unknown;
}

const GUARDED = new Set(['slots', 'bookings']);
const INDEX_NODES = new Set(['Index Scan', 'Index Only Scan', 'Bitmap Index Scan']);

/** EXPLAIN (ANALYZE, BUFFERS) of a prepared statement, custom or generic plan, as a role. */
async function explain(admin: pg.Client, name: string, sql: string, params: unknown[], types: string[], role: string | null, mode: PlanReport['planCacheMode']): Promise<PlanReport> {
  const args = params.map((p) => (p === null ? 'null' : admin.escapeLiteral(Array.isArray(p) ? `{${p.join(',')}}` : String(p)))).join(', ');
  await admin.query('begin');
  try {
    if (role) await admin.query(`set local role ${role}`);
    await admin.query(`set local plan_cache_mode = ${mode}`);
    await admin.query(`prepare bench_q (${types.join(', ')}) as ${sql}`);
    // warm the cache once so the plan, not the first read from disk, is what we see
    await admin.query(`execute bench_q (${args})`);
    const json = (await admin.query(`explain (analyze, buffers, format json) execute bench_q (${args})`)).rows[0]['QUERY PLAN'];
    const text = (await admin.query(`explain (analyze, buffers) execute bench_q (${args})`)).rows.map((r: Record<string, string>) => r['QUERY PLAN']).join('\n');
    const root = json[0] as { Plan: PlanNode; 'Execution Time': number };
    const scans: PlanReport['scans'] = [];
    walk(root.Plan, (n) => {
      if (n['Relation Name'] || n['Index Name']) scans.push({ node: n['Node Type'], relation: n['Relation Name'] ?? '', index: n['Index Name'] ?? null });
    });
    // a Bitmap Index Scan names its index but not its table: the index name says which
    const relationOf = (s: PlanReport['scans'][number]) => s.relation || (s.index?.startsWith('slots_') ? 'slots' : s.index?.startsWith('bookings_') ? 'bookings' : '');
    return {
      name,
      planCacheMode: mode,
      role: role ?? 'postgres (superuser: a security definer function owned by it)',
      sql,
      params,
      executionMs: root['Execution Time'],
      scans,
      seqScansOnGuarded: scans.filter((s) => s.node === 'Seq Scan' && GUARDED.has(s.relation)).map((s) => s.relation),
      usesIndexOn: [...new Set(scans.filter((s) => INDEX_NODES.has(s.node)).map(relationOf).filter((r) => GUARDED.has(r)))],
      text,
      json,
    };
  } finally {
    await admin.query('rollback');
    await admin.query('deallocate all'); // prepared statements outlive the transaction
  }
}

// The slot query inside public.booking_setup, as plain SQL with the same predicates.
const SLOT_QUERY = `
  select coalesce(jsonb_agg(jsonb_build_object(
    'windowId', s.window_id, 'startsAt', app.iso_shanghai(s.starts_at), 'endsAt', app.iso_shanghai(s.ends_at),
    'seats', s.seats, 'walkInSeats', s.walk_in_seats, 'booked', s.booked)), '[]'::jsonb)
  from public.slots s
  where s.center_id = $1
    and s.starts_at >= app.shanghai_day_start($2)
    and s.starts_at < app.shanghai_day_start($3 + 1)
    and s.window_id = any ($4)`;

// app.check_booking_caps: bookings per applicant in the week and month of a start.
const CAP_QUERY = `
  select
    count(*) filter (where date_trunc('week', b.slot_starts_at at time zone 'Asia/Shanghai') = date_trunc('week', $2 at time zone 'Asia/Shanghai')),
    count(*) filter (where date_trunc('month', b.slot_starts_at at time zone 'Asia/Shanghai') = date_trunc('month', $2 at time zone 'Asia/Shanghai'))
  from public.bookings b
  where b.applicant_id = $1
    and b.status not in ('cancelled', 'declined')
    and b.id is distinct from $3
    and b.slot_starts_at >= date_trunc('month', $2 at time zone 'Asia/Shanghai') at time zone 'Asia/Shanghai' - interval '7 days'
    and b.slot_starts_at < date_trunc('month', $2 at time zone 'Asia/Shanghai') at time zone 'Asia/Shanghai' + interval '1 month 7 days'`;

// Informative (not asserted): other queries public.book() runs against these tables.
const ALREADY_BOOKED_QUERY = `
  select exists (select 1 from public.bookings b
    where b.applicant_id = $1 and b.item_id = $2 and b.status in ('booked', 'confirmed', 'checked_in'))`;
const RECENTLY_RELEASED_QUERY = `
  select exists (select 1 from public.bookings b
    where b.applicant_id = $1 and b.center_id = $2 and b.slot_starts_at = $3 and b.status = 'cancelled'
      and b.cancelled_at > $4 - make_interval(mins => 60))`;

const SLOT_QUERY_INLINED = SLOT_QUERY.replace(/app\.iso_shanghai\((s\.\w+)\)/g, `to_char($1 at time zone 'Asia/Shanghai', 'YYYY-MM-DD"T"HH24:MI:SS"+08:00"')`);

const LIST_TIMEOUT_MS = 10_000;
const LIST_MY_BOOKINGS_BODY = `
  select jsonb_build_object('bookings', coalesce(jsonb_agg(app.booking_json(b) order by b.slot_starts_at desc), '[]'::jsonb))
  from (
    select x.* from public.bookings x where x.booked_by = (select (app.current_account()).id)
    union
    select x.* from public.bookings x join app.my_person_ids() as p(id) on x.applicant_id = p.id
  ) b`; // the body of public.list_my_bookings() (supabase/schemas/40_booking.sql)

async function listMyBookings(admin: pg.Client, userId: string) {
  const claims = JSON.stringify({ sub: userId, app_role: 'resident' });
  const asResident = async <T>(fn: () => Promise<T>): Promise<T> => {
    await admin.query('begin');
    try {
      await admin.query(`select set_config('role', 'authenticated', true), set_config('request.jwt.claims', $1, true)`, [claims]);
      return await fn();
    } finally {
      await admin.query('rollback');
    }
  };
  const plan = await asResident(async () => (await admin.query(`explain (format json) ${LIST_MY_BOOKINGS_BODY}`)).rows[0]['QUERY PLAN']);
  const text = await asResident(async () => (await admin.query(`explain ${LIST_MY_BOOKINGS_BODY}`)).rows.map((r: Record<string, string>) => r['QUERY PLAN']).join('\n'));
  const scans: { node: string; relation: string; index: string | null }[] = [];
  walk(plan[0].Plan, (n) => {
    if (n['Relation Name'] || n['Index Name']) scans.push({ node: n['Node Type'], relation: n['Relation Name'] ?? '', index: n['Index Name'] ?? null });
  });
  const t0 = performance.now();
  let ms: number | null = null;
  let error: string | null = null;
  try {
    await asResident(async () => {
      await admin.query(`set local statement_timeout = ${LIST_TIMEOUT_MS}`);
      await admin.query('select public.list_my_bookings()');
    });
    ms = performance.now() - t0;
  } catch (e) {
    error = e instanceof Error ? e.message : String(e);
  }
  return { ms, timeoutMs: LIST_TIMEOUT_MS, error, scans, seqScanOnBookings: scans.some((x) => x.node === 'Seq Scan' && x.relation === 'bookings'), sql: LIST_MY_BOOKINGS_BODY, plan: text };
}

/** One statement as the service role in a transaction that is rolled back, bounded by a timeout. */
async function timedRolledBack(admin: pg.Client, sql: string, timeoutMs = 20_000) {
  await admin.query('begin');
  const t0 = performance.now();
  try {
    await admin.query(`set local statement_timeout = ${timeoutMs}`);
    await admin.query(`select set_config('role', 'service_role', true)`);
    await admin.query(sql);
    return { sql, ms: Math.round((performance.now() - t0) * 10) / 10, error: null as string | null };
  } catch (e) {
    return { sql, ms: null, error: e instanceof Error ? e.message : String(e) };
  } finally {
    await admin.query('rollback');
  }
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const started = Date.now();
  watchdog(300, cleanup);
  console.log(`availability: GET /api/availability (14 days) vs public.booking_setup() directly, on a year of history; now = ${BENCH_NOW.toISOString()}`);
  bench = await createBenchDatabase('availability', POOL_SIZE);
  const b = bench;
  api = await startApiProcess({ databaseUrl: b.url, now: BENCH_NOW, poolSize: POOL_SIZE });
  const a = api;

  // The busiest centre (most windows) and an item it offers.
  const { rows: pick } = await b.admin.query<{ center_id: string; name: string; windows: number; item_id: string }>(`
    select c.id as center_id, c.name, count(distinct w.id)::int as windows,
           (select ci.item_id from public.center_items ci where ci.center_id = c.id order by ci.item_id limit 1) as item_id
    from public.centers c join public.windows w on w.center_id = c.id
    group by c.id order by count(distinct w.id) desc, c.name limit 1`);
  const target = pick[0]!;
  const from = shanghaiDate(BENCH_NOW);
  const to = addDays(from, AHEAD_DAYS - 1); // 14 days, today included
  const path = `/api/availability?center=${target.center_id}&item=${target.item_id}&from=${from}&to=${to}`;
  const { rows: windowRows } = await b.admin.query<{ ids: string[] }>(
    `select array_agg(w.id order by w.number) as ids from public.windows w join public.window_items wi on wi.window_id = w.id
     where w.center_id = $1 and w.active and wi.item_id = $2`,
    [target.center_id, target.item_id],
  );
  const windowIds = windowRows[0]!.ids;

  let responseBytes = 0;
  const viaHttp = async () => {
    const res = await a.request<Availability>('GET', path);
    if (res.status !== 200) return `${res.status}`;
    responseBytes = JSON.stringify(res.body).length;
    return res.body.days.length === AHEAD_DAYS ? '200' : `200 with ${res.body.days.length} days`;
  };
  const direct = async () => {
    await b.db.rpc('booking_setup', { p_center: target.center_id, p_item: target.item_id, p_from: from, p_to: to, p_now: BENCH_NOW.toISOString() }, ANONYMOUS);
    return 'ok';
  };
  async function measureBoth(label: string, iterations: { sequential: number; concurrent: number }) {
    await runLoad({ concurrency: 4, maxRequests: 40, maxMs: 5_000, run: direct });
    await runLoad({ concurrency: 4, maxRequests: 40, maxMs: 5_000, run: viaHttp });
    const out: Record<string, { direct: LoadResult; http: LoadResult }> = {};
    for (const [mode, c] of [['sequential', 1], ['concurrent', 10]] as const) {
      const d = await runLoad({ concurrency: c, maxRequests: iterations[mode], maxMs: MAX_MS, run: direct });
      const h = await runLoad({ concurrency: c, maxRequests: iterations[mode], maxMs: MAX_MS, run: viaHttp });
      out[`concurrency ${c}`] = { direct: d, http: h };
    }
    console.log(`  ${label}: done (${seconds(started)})`);
    return out;
  }

  // The same measurement on the fresh database first (no history): how much history costs.
  const empty = await measureBoth('without history', { sequential: 200, concurrent: 400 });

  const t0 = Date.now();
  const counts = await generateHistory(b.admin);
  const historySeconds = (Date.now() - t0) / 1000;
  console.log(`  history: ${counts.slots} slots, ${counts.bookings} bookings, ${counts.booking_events} events (${historySeconds.toFixed(1)} s)`);

  const loaded = await measureBoth('with history', ITERATIONS);

  // Plans. The applicant with the most bookings, and a start time in the coming days.
  const { rows: heavy } = await b.admin.query<{ applicant_id: string; booked_by: string; n: number }>(
    `select applicant_id, min(booked_by::text) as booked_by, count(*)::int as n from public.bookings group by applicant_id order by count(*) desc limit 1`,
  );
  const applicant = heavy[0]!;
  const start = `${addDays(from, 2)}T09:00:00+08:00`;
  const plans: PlanReport[] = [];
  for (const mode of ['force_custom_plan', 'force_generic_plan'] as const) {
    plans.push(await explain(b.admin, 'booking_setup slot query', SLOT_QUERY, [target.center_id, from, to, windowIds], ['uuid', 'date', 'date', 'uuid[]'], 'anon', mode));
    plans.push(await explain(b.admin, 'check_booking_caps', CAP_QUERY, [applicant.applicant_id, start, null], ['uuid', 'timestamptz', 'uuid'], null, mode));
  }
  const asserted = plans.length;
  for (const mode of ['force_custom_plan', 'force_generic_plan'] as const) {
    plans.push(await explain(b.admin, 'book: ALREADY_BOOKED check', ALREADY_BOOKED_QUERY, [applicant.applicant_id, target.item_id], ['uuid', 'uuid'], null, mode));
    plans.push(await explain(b.admin, 'book: SLOT_RECENTLY_RELEASED check', RECENTLY_RELEASED_QUERY, [applicant.applicant_id, target.center_id, start, BENCH_NOW.toISOString()], ['uuid', 'uuid', 'timestamptz', 'timestamptz'], null, mode));
  }
  // Informative: the same slot query with app.iso_shanghai's body written out (the function has
  // `set search_path`, which keeps PostgreSQL from inlining it: one function call per value).
  for (const mode of ['force_custom_plan', 'force_generic_plan'] as const) {
    plans.push(await explain(b.admin, 'slot query, iso_shanghai inlined by hand', SLOT_QUERY_INLINED, [target.center_id, from, to, windowIds], ['uuid', 'date', 'date', 'uuid[]'], 'anon', mode));
  }
  // Informative: GET /api/bookings (public.list_my_bookings, as the resident, row-level security
  // applies). Its plan without ANALYZE, and one call bounded by a statement timeout.
  const listMine = await listMyBookings(b.admin, applicant.booked_by);
  // Informative: the hourly job (GET /api/jobs/no-shows) on this history, rolled back.
  const jobs = await timedRolledBack(b.admin, `select public.mark_no_shows('${BENCH_NOW.toISOString()}'::timestamptz), public.purge_idempotency_keys('${BENCH_NOW.toISOString()}'::timestamptz)`);
  const requiredPlans = plans.slice(0, asserted);
  const failures = requiredPlans.flatMap((p) => {
    const out: string[] = [];
    if (p.seqScansOnGuarded.length) out.push(`${p.name} (${p.planCacheMode}): Seq Scan on ${p.seqScansOnGuarded.join(', ')}`);
    const table = p.name.startsWith('booking_setup') ? 'slots' : 'bookings';
    if (!p.usesIndexOn.includes(table)) out.push(`${p.name} (${p.planCacheMode}): no index scan on ${table}`);
    return out;
  });
  // every measured request must have answered (a fast error is not a fast availability)
  for (const [when, m] of [['without history', empty], ['with history', loaded]] as const) {
    for (const [load, v] of Object.entries(m)) {
      for (const [mode, r] of Object.entries(v)) {
        const bad = Object.entries(r.outcomes).filter(([o]) => o !== '200' && o !== 'ok');
        if (bad.length) failures.push(`${mode} ${load} ${when}: ${JSON.stringify(Object.fromEntries(bad))}`);
      }
    }
  }
  const informativeWarnings = plans.slice(asserted).filter((p) => p.seqScansOnGuarded.length).map((p) => `${p.name} (${p.planCacheMode}): Seq Scan on ${p.seqScansOnGuarded.join(', ')}`);

  const comparisons = Object.fromEntries(
    Object.entries(loaded).map(([k, v]) => [
      k,
      {
        p50RatioHttpOverDirect: ratio(v.http.latencyMs.p50, v.direct.latencyMs.p50),
        p99RatioHttpOverDirect: ratio(v.http.latencyMs.p99, v.direct.latencyMs.p99),
        throughputRatioHttpOverDirect: ratio(v.http.requestsPerSecond, v.direct.requestsPerSecond),
        directP50WithOverWithoutHistory: ratio(v.direct.latencyMs.p50, empty[k]!.direct.latencyMs.p50),
        httpP50WithOverWithoutHistory: ratio(v.http.latencyMs.p50, empty[k]!.http.latencyMs.p50),
      },
    ]),
  );

  const file = writeResults('availability', {
    benchmark: 'availability',
    at: new Date().toISOString(),
    machine: machine(),
    postgres: await serverSettings(b.admin),
    now: BENCH_NOW.toISOString(),
    poolSize: POOL_SIZE,
    target: { center: target.name, centerId: target.center_id, windows: target.windows, itemId: target.item_id, from, to, path, responseJsonBytes: responseBytes },
    history: { days: HISTORY_DAYS, aheadDays: AHEAD_DAYS, seconds: historySeconds, counts, totalRows: counts.slots! + counts.bookings! + counts.booking_events! },
    baseline: 'public.booking_setup(center, item, from, to, now) via openPg(url, pool).rpc as anon, same arguments',
    measured: 'GET /api/availability on the API server process: one booking_setup rpc (slot generation in SQL) for 14 days + JSON (gzip)',
    withoutHistory: empty,
    withHistory: loaded,
    comparisons,
    plans,
    failures,
    informative: { planWarnings: informativeWarnings, listMyBookings: { applicantBookings: applicant.n, ...listMine }, hourlyJob: jobs },
    seconds: (Date.now() - started) / 1000,
  });

  console.log(`\nhistory: ${counts.slots} slots + ${counts.bookings} bookings + ${counts.booking_events} events = ${counts.slots! + counts.bookings! + counts.booking_events!} rows` +
    ` (completed ${counts.completed}, no-show ${counts.no_show}, cancelled ${counts.cancelled}, active ${counts.active}; ${counts.users} users), generated in ${historySeconds.toFixed(1)} s`);
  console.log(`availability of ${target.name} (${target.windows} windows), ${from}..${to}; latency ms`);
  console.table(
    Object.entries(loaded).map(([k, v]) => ({
      load: k,
      'direct p50': v.direct.latencyMs.p50,
      'direct p99': v.direct.latencyMs.p99,
      'direct req/s': v.direct.requestsPerSecond,
      'HTTP p50': v.http.latencyMs.p50,
      'HTTP p99': v.http.latencyMs.p99,
      'HTTP req/s': v.http.requestsPerSecond,
      'p50 HTTP/direct': comparisons[k]!.p50RatioHttpOverDirect,
      'p99 HTTP/direct': comparisons[k]!.p99RatioHttpOverDirect,
      'direct p50 empty db': empty[k]!.direct.latencyMs.p50,
      'HTTP p50 empty db': empty[k]!.http.latencyMs.p50,
      n: `${v.direct.requests}/${v.http.requests}`,
    })),
  );
  console.log('plans (EXPLAIN ANALYZE, BUFFERS):');
  for (const p of plans) {
    console.log(`  ${p.name.padEnd(36)} ${p.planCacheMode.padEnd(18)} ${p.executionMs.toFixed(3).padStart(8)} ms  ` +
      `${p.scans.map((s) => `${s.node}${s.index ? ` using ${s.index}` : ''}${s.relation ? ` on ${s.relation}` : ''}`).join('; ')}`);
  }
  console.log(`list_my_bookings (GET /api/bookings) for a resident with ${applicant.n} bookings: ` +
    (listMine.ms === null ? `did not finish within ${LIST_TIMEOUT_MS / 1000} s (statement timeout)` : `${listMine.ms.toFixed(1)} ms`) +
    `; plan: ${listMine.scans.map((x) => `${x.node}${x.index ? ` using ${x.index}` : ''}${x.relation ? ` on ${x.relation}` : ''}`).join('; ')}`);
  console.log(`hourly job (mark_no_shows + purge_idempotency_keys, rolled back): ${jobs.ms === null ? jobs.error : `${jobs.ms} ms`}`);
  for (const w of informativeWarnings) console.log(`  note: ${w}`);
  if (listMine.seqScanOnBookings) failures.push('list_my_bookings reads every booking (Seq Scan on bookings under row-level security)');
  if (listMine.ms === null) failures.push(`list_my_bookings did not finish within ${LIST_TIMEOUT_MS / 1000} s`);
  console.log(failures.length ? `CHECK FAILED:\n  ${failures.join('\n  ')}` : 'plan check: slot and cap queries use indexes (no Seq Scan on slots/bookings); every request answered 200');
  console.log(`results: ${file}`);
  await cleanup();
  process.exit(failures.length ? 1 : 0);
}

main().catch(async (error) => {
  console.error(error);
  await cleanup();
  process.exit(1);
});
