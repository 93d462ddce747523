// Property: availability and booking agree, on every day. Over random dates (any year of the
// calendar table, weekends, statutory holidays, adjusted working days 调休, past and future
// relative to `now`, a few beyond the table) and random centre configurations (templates with
// validity dates, per-date overrides, closures of the centre or of a window, booking rules):
//  - every start public.booking_setup offers with seats remaining can be booked by public.book;
//  - every start it does not offer is refused with SLOT_NOT_AVAILABLE, carrying the day's
//    reason when the day is closed (and none when the day is open but that time is not a slot).
// Bounded (fixed seed, a fixed number of runs) so it stays well under a minute.
import fc from 'fast-check';
import { calendarYears, CALENDAR_FROM_YEAR, CALENDAR_TO_YEAR } from '../../server/calendar/calendar-table';
import { addDays, daysBetween, isoWeekday, shanghaiInstantAtMinute, toShanghaiIso } from '../../server/calendar/shanghai-time';
import { type Caller, DbError, type SqlDatabase } from '../../server/db/database';
import type { Availability } from '../../server/contract/booking';
import { createTestDatabase, describeBackend, serverUrl, type TestDatabase } from '../support/database';

const RUNS = serverUrl ? 150 : 25; // PGlite is one slow connection: fewer runs there
const ITEMS = ['00000000-0000-4000-8000-000000000021', '00000000-0000-4000-8000-000000000022'];
// window 1 serves both items, window 2 the first, window 3 the second
const WINDOW_ITEMS = [[0, 1], [0], [1]];
const USERS = 2600;
const userId = (n: number) => `00000000-0000-4000-9000-${String(n).padStart(12, '0')}`;
const REFUSED_BY = userId(USERS + 1); // never books: its refusals are the slot's, not its caps'

let t: TestDatabase;
let db: SqlDatabase;
let nextUser = 1;
let nextCentre = 0;

beforeAll(async () => {
  console.info(`availability/booking agreement on ${describeBackend()}`);
  t = await createTestDatabase({ seed: false });
  db = t.db;
  await db.exec(`
    insert into counties values ('511922', '南江县', '巴中市', '四川省');
    insert into departments (id, county_code, code, name) values ('00000000-0000-4000-8000-000000000010', '511922', 'civil', '民政');
    insert into service_items (id, county_code, code, name, category, department_id, handling_mode, legal_days, promised_days, summary, conditions) values
      ('${ITEMS[0]}', '511922', 'MZ-1', '事项一', 'public_service', '00000000-0000-4000-8000-000000000010', 'immediate', 1, 0, 'x', 'x'),
      ('${ITEMS[1]}', '511922', 'MZ-2', '事项二', 'public_service', '00000000-0000-4000-8000-000000000010', 'immediate', 1, 0, 'x', 'x');
    insert into users (id, app_role, display_name, active)
      select ('00000000-0000-4000-9000-' || lpad(n::text, 12, '0'))::uuid, 'resident', '居民' || n, true from generate_series(1, ${USERS + 1}) n;
    insert into persons (id, full_name)
      select ('00000000-0000-4000-a000-' || lpad(n::text, 12, '0'))::uuid, '居民' || n from generate_series(1, ${USERS + 1}) n;
    insert into person_links (user_id, person_id, relation, consented_at)
      select ('00000000-0000-4000-9000-' || lpad(n::text, 12, '0'))::uuid, ('00000000-0000-4000-a000-' || lpad(n::text, 12, '0'))::uuid, 'self', now()
      from generate_series(1, ${USERS + 1}) n;
  `);
}, 120_000);
afterAll(async () => {
  await t?.drop();
});

const resident = (id: string): Caller => ({ role: 'authenticated', claims: { sub: id, app_role: 'resident' } });

// ---------------------------------------------------------------------------------------
// Dates: an instant `now` and a date relative to it, either anywhere in the calendar's years
// or around one of its holidays and adjusted working days.

const FIRST_DAY = `${CALENDAR_FROM_YEAR}-01-01`;
const DAY_COUNT = daysBetween(FIRST_DAY, `${CALENDAR_TO_YEAR}-12-31`);
const SPECIAL_DAYS = calendarYears().flatMap((y) => Object.keys(y.special));

interface Moment {
  now: Date;
  date: string;
}
const offset = fc.oneof({ weight: 3, arbitrary: fc.integer({ min: 0, max: 10 }) }, { weight: 1, arbitrary: fc.integer({ min: -3, max: 40 }) });
const anyDay = fc.record({ base: fc.integer({ min: 0, max: DAY_COUNT }), offset }).map(({ base, offset }) => {
  const today = addDays(FIRST_DAY, base);
  return { today, date: addDays(today, offset) };
});
const aroundSpecialDay = fc.record({ i: fc.integer({ min: 0, max: SPECIAL_DAYS.length - 1 }), before: fc.oneof({ weight: 3, arbitrary: fc.integer({ min: 0, max: 10 }) }, { weight: 1, arbitrary: fc.integer({ min: -2, max: 30 }) }) }).map(({ i, before }) => {
  const date = SPECIAL_DAYS[i]!;
  return { today: addDays(date, -before), date };
});
const moment: fc.Arbitrary<Moment> = fc
  .record({ day: fc.oneof({ weight: 2, arbitrary: anyDay }, { weight: 1, arbitrary: aroundSpecialDay }), minute: fc.integer({ min: 0, max: 24 * 60 - 1 }) })
  .map(({ day, minute }) => ({ now: shanghaiInstantAtMinute(day.today, minute), date: day.date }));

// ---------------------------------------------------------------------------------------
// Configurations

interface Session {
  starts: string;
  ends: string;
  slotMinutes: number;
  seats: number;
  walkInSeats: number;
}
interface Template extends Session {
  window: number;
  weekday: number;
  validFrom: string | null;
  validTo: string | null;
}
interface Config {
  templates: Template[];
  overrides: { window: number; sessions: Session[] }[];
  closures: { window: number | null; reason: string }[];
  rules: { openDaysAhead: number; closeHoursBefore: number };
  item: number;
}

const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
const session: fc.Arbitrary<Session> = fc
  .record({
    start: fc.integer({ min: 14, max: 32 }).map((h) => h * 30), // 07:00 … 16:00
    length: fc.integer({ min: 1, max: 8 }).map((h) => h * 30),
    slotMinutes: fc.constantFrom(20, 30, 45, 60, 90),
    seats: fc.oneof({ weight: 1, arbitrary: fc.constant(0) }, { weight: 4, arbitrary: fc.integer({ min: 1, max: 3 }) }),
    walk: fc.oneof({ weight: 3, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 3 }) }),
  })
  .map((s) => ({ starts: hhmm(s.start), ends: hhmm(s.start + s.length), slotMinutes: s.slotMinutes, seats: s.seats, walkInSeats: Math.min(s.walk, s.seats) }));

const rarely = <T>(a: fc.Arbitrary<T[]>) => fc.oneof({ weight: 2, arbitrary: fc.constant<T[]>([]) }, { weight: 1, arbitrary: a });

function config(m: Moment): fc.Arbitrary<Config> {
  // weekdays that matter most: the date's own, Monday (调休 uses it), and any
  const weekday = fc.oneof({ weight: 3, arbitrary: fc.constant(isoWeekday(m.date)) }, { weight: 1, arbitrary: fc.constant(1) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 7 }) });
  const validity = fc.oneof(
    { weight: 3, arbitrary: fc.constant<[string | null, string | null]>([null, null]) },
    { weight: 1, arbitrary: fc.integer({ min: -3, max: 3 }).map((k): [string | null, string | null] => [addDays(m.date, k), null]) },
    { weight: 1, arbitrary: fc.integer({ min: -3, max: 3 }).map((k): [string | null, string | null] => [null, addDays(m.date, k)]) },
  );
  const template = fc
    .record({ window: fc.integer({ min: 0, max: 2 }), weekday, session, validity })
    .map(({ window, weekday: wd, session: s, validity: [validFrom, validTo] }) => ({ window, weekday: wd, ...s, validFrom, validTo }));
  return fc.record({
    templates: fc.array(template, { minLength: 0, maxLength: 8 }),
    overrides: rarely(fc.uniqueArray(fc.record({ window: fc.integer({ min: 0, max: 2 }), sessions: fc.array(session, { maxLength: 2 }) }), {
      maxLength: 2,
      selector: (o) => o.window,
    })),
    closures: rarely(fc.uniqueArray(
      fc.record({ window: fc.option(fc.integer({ min: 0, max: 2 }), { freq: 3 }), reason: fc.constantFrom('设备检修，暂停服务', '系统升级，暂停办理') }),
      { maxLength: 2, selector: (c) => c.window },
    )),
    rules: fc.record({ openDaysAhead: fc.integer({ min: 1, max: 30 }), closeHoursBefore: fc.integer({ min: 0, max: 6 }) }),
    item: fc.integer({ min: 0, max: 1 }),
  });
}

const scenario = moment.chain((m) => config(m).map((c) => ({ m, c })));

/** A new centre with this configuration; returns its id and its windows' ids. */
async function createCentre(m: Moment, c: Config): Promise<{ center: string; windows: string[] }> {
  const n = ++nextCentre;
  const center = `00000000-0000-4000-b000-${String(n).padStart(12, '0')}`;
  const windows = [0, 1, 2].map((w) => `00000000-0000-4000-c${w}00-${String(n).padStart(12, '0')}`);
  const q = (v: string | number | null) => (v === null ? 'null' : typeof v === 'number' ? String(v) : `'${v}'`);
  const sql = [
    `insert into centers (id, county_code, kind, name, township, address, phone) values ('${center}', '511922', 'center', '测试${n}镇便民服务中心', '测试${n}镇', '正街1号', '0827-1000001');`,
    `insert into center_items values ('511922', '${center}', '${ITEMS[0]}'), ('511922', '${center}', '${ITEMS[1]}');`,
    `insert into windows (id, center_id, number, name) values ${windows.map((w, i) => `('${w}', '${center}', ${i + 1}, '${i + 1}号')`).join(', ')};`,
    `insert into window_items (center_id, window_id, item_id) values ${WINDOW_ITEMS.flatMap((items, w) => items.map((i) => `('${center}', '${windows[w]}', '${ITEMS[i]}')`)).join(', ')};`,
    `insert into booking_rules (center_id, open_days_ahead, close_hours_before) values ('${center}', ${c.rules.openDaysAhead}, ${c.rules.closeHoursBefore});`,
  ];
  for (const tp of c.templates) {
    sql.push(`insert into capacity_templates (center_id, window_id, weekday, starts, ends, slot_minutes, seats, walk_in_seats, valid_from, valid_to)
      values ('${center}', '${windows[tp.window]}', ${tp.weekday}, '${tp.starts}', '${tp.ends}', ${tp.slotMinutes}, ${tp.seats}, ${tp.walkInSeats}, ${q(tp.validFrom)}, ${q(tp.validTo)});`);
  }
  for (const o of c.overrides) {
    // an override with no session closes the window: one seatless session says so in the tables
    const sessions = o.sessions.length ? o.sessions : [{ starts: '09:00', ends: '10:00', slotMinutes: 60, seats: 0, walkInSeats: 0 }];
    for (const s of sessions) {
      sql.push(`insert into capacity_overrides (center_id, window_id, date, starts, ends, slot_minutes, seats, walk_in_seats)
        values ('${center}', '${windows[o.window]}', '${m.date}', '${s.starts}', '${s.ends}', ${s.slotMinutes}, ${s.seats}, ${s.walkInSeats});`);
    }
  }
  for (const cl of c.closures) {
    sql.push(`insert into closures (center_id, window_id, date, reason) values ('${center}', ${cl.window === null ? 'null' : `'${windows[cl.window]}'`}, '${m.date}', '${cl.reason}');`);
  }
  await db.exec(`begin;\n${sql.join('\n')}\ncommit;`);
  return { center, windows };
}

async function book(center: string, item: string, start: string, now: Date, user: string): Promise<{ ok: true; slotStart: string } | { ok: false; code: string; reason: unknown }> {
  try {
    const b = await db.rpc<{ slotStart: string }>(
      'book',
      { p_center: center, p_item: item, p_slot_start: start, p_now: now.toISOString(), p_idempotency_key: null, p_request_hash: '' },
      resident(user),
    );
    return { ok: true, slotStart: b.slotStart };
  } catch (error) {
    if (!(error instanceof DbError)) throw error;
    const detail = error.detail ? (JSON.parse(error.detail) as { reason?: unknown }) : {};
    return { ok: false, code: error.message, reason: detail.reason ?? null };
  }
}

/** Starts to try that availability does not offer: every 10 minutes 06:00–20:00, a sample. */
function unofferedStarts(date: string, offered: Set<number>, pick: number[]): string[] {
  const all: string[] = [];
  for (let minute = 6 * 60; minute <= 20 * 60; minute += 10) {
    const at = shanghaiInstantAtMinute(date, minute);
    if (!offered.has(at.getTime())) all.push(toShanghaiIso(at));
  }
  return pick.map((i) => all[i % all.length]!).filter((s, i, a) => s !== undefined && a.indexOf(s) === i);
}

it(
  'every start availability offers can be booked, every other start is refused with the day’s reason',
  async () => {
    const stats = { open: 0, closed: new Map<string, number>(), booked: 0, refused: 0 };
    await fc.assert(
      fc.asyncProperty(scenario, fc.array(fc.nat(), { minLength: 6, maxLength: 6 }), async ({ m, c }, picks) => {
        const { center } = await createCentre(m, c);
        const item = ITEMS[c.item]!;
        const availability = await db.rpc<{ offered: boolean } & Availability>(
          'booking_setup',
          { p_center: center, p_item: item, p_from: m.date, p_to: m.date, p_now: m.now.toISOString() },
          { role: 'anon', claims: {} },
        );
        const day = availability.days[0]!;
        expect(day.date).toBe(m.date);
        if (day.open) stats.open++;
        else stats.closed.set(day.reason!.code, (stats.closed.get(day.reason!.code) ?? 0) + 1);
        // a fresh centre has no bookings: a closed day is never FULL, an open one offers seats
        expect(day.reason?.code).not.toBe('FULL');
        expect(day.open).toBe(day.slots.length > 0);

        const offered = new Set(day.slots.map((s) => new Date(s.start).getTime()));
        // refusals first, while nothing is booked
        for (const start of unofferedStarts(m.date, offered, picks)) {
          const r = await book(center, item, start, m.now, REFUSED_BY);
          expect({ start, ...r }).toEqual({ start, ok: false, code: 'SLOT_NOT_AVAILABLE', reason: day.open ? null : day.reason });
          stats.refused++;
        }
        for (const slot of day.slots) {
          expect(slot.remaining).toBeGreaterThan(0);
          const r = await book(center, item, slot.start, m.now, userId(nextUser++));
          expect({ start: slot.start, ...r }).toEqual({ start: slot.start, ok: true, slotStart: slot.start });
          stats.booked++;
        }
      }),
      { numRuns: RUNS, seed: 20261128, endOnFailure: true },
    );
    console.info(`agreement: ${RUNS} days, ${stats.open} open, closed ${JSON.stringify(Object.fromEntries(stats.closed))}; ${stats.booked} booked, ${stats.refused} refused`);
    expect(nextUser).toBeLessThan(USERS);
  },
  120_000,
);
