// The slot rules, on the database that owns them (app.generate_day_slots, app.day_availability,
// app.slot_bookable, app.can_still_cancel in supabase/schemas/40_booking.sql, reading the
// calendar table app.calendar_days). These cases were the unit tests of the TypeScript generator
// (server/booking/slots.ts) that the SQL replaced; the outcomes asserted are the same. The
// configuration is given as JSON, in the shapes the API uses, so any configuration can be tried.
//
// All instants are fixed; the suite passes under any machine and session time zone. 'Z' instants
// are chosen around Shanghai midnight on purpose.
import type { SqlDatabase } from '../../server/db/database';
import { parseInstant } from '../../server/calendar/shanghai-time';
import { createTestDatabase, describeBackend, type TestDatabase } from '../support/database';

interface CapacityTemplate {
  id: string;
  windowId: string;
  itemIds: string[] | null;
  weekday: number;
  starts: string;
  ends: string;
  slotMinutes: number;
  seats: number;
  walkInSeats: number;
  validFrom: string | null;
  validTo: string | null;
}
interface Closure {
  date: string;
  windowId: string | null;
  reason: string;
}
interface DateOverride {
  date: string;
  windowId: string;
  templates: Omit<CapacityTemplate, 'id' | 'weekday' | 'validFrom' | 'validTo' | 'windowId'>[];
}
interface BookingRules {
  openDaysAhead: number;
  closeHoursBefore: number;
}
interface GeneratedSlot {
  windowId: string;
  startsAt: string;
  endsAt: string;
  seats: number;
  walkInSeats: number;
  itemIds: string[] | null;
}
interface DayAvailability {
  date: string;
  open: boolean;
  reason: { code: string; text: string } | null;
  slots: GeneratedSlot[];
}

let t: TestDatabase;
let db: SqlDatabase;
beforeAll(async () => {
  console.info(`slot rules on ${describeBackend()}`);
  t = await createTestDatabase({ seed: false });
  db = t.db;
}, 120_000);
afterAll(async () => {
  await t?.drop();
});

async function one<T>(sql: string, params: unknown[]): Promise<T> {
  const [row] = await db.query<{ v: T }>(sql, params);
  return row!.v;
}

/** A date's slots for one item (or every item: null), from app.generate_day_slots. */
function generateDaySlots(input: { date: string; templates: CapacityTemplate[]; overrides: DateOverride[]; closures: Closure[]; itemId: string | null }) {
  return one<GeneratedSlot[]>(
    `select coalesce(jsonb_agg(app.slot_json(g.window_id, g.starts_at, g.ends_at, g.seats, g.walk_in_seats, g.item_ids) order by g.n), '[]'::jsonb) as v
     from app.generate_day_slots($1::date, $2::jsonb, $3::jsonb, $4::jsonb, $5) with ordinality as g(window_id, starts_at, ends_at, seats, walk_in_seats, item_ids, n)`,
    [input.date, JSON.stringify(input.templates), JSON.stringify(input.overrides), JSON.stringify(input.closures), input.itemId],
  );
}

/** A day as a resident may book it, from app.day_availability. */
function dayAvailability(input: {
  date: string;
  now: Date;
  rules: BookingRules;
  templates: CapacityTemplate[];
  overrides: DateOverride[];
  closures: Closure[];
  itemId: string;
  scheduleNote?: string | null;
}) {
  return one<DayAvailability>('select app.day_availability($1::date, $2::timestamptz, $3::jsonb, $4::jsonb, $5::jsonb, $6::jsonb, $7, $8) as v', [
    input.date,
    input.now.toISOString(),
    JSON.stringify(input.rules),
    JSON.stringify(input.templates),
    JSON.stringify(input.overrides),
    JSON.stringify(input.closures),
    input.itemId,
    input.scheduleNote ?? null,
  ]);
}

/** app.template_valid_on: does a template with these validity dates apply on `date`? */
function isTemplateValidOn(v: { validFrom: string | null; validTo: string | null }, date: string) {
  return one<boolean>('select app.template_valid_on($1::jsonb, $2::date) as v', [JSON.stringify(v), date]);
}

const onlineSeats = (slot: Pick<GeneratedSlot, 'seats' | 'walkInSeats'>) => Math.max(0, slot.seats - slot.walkInSeats);

/** app.slot_bookable; instants are parsed as the API parses them (ISO 8601 with an offset). */
async function isSlotBookable(slotStart: string | Date, now: Date, rules: BookingRules) {
  const start = parseInstant(slotStart).toISOString();
  return one<boolean>('select app.slot_bookable($1::timestamptz, $2::timestamptz, $3::jsonb) as v', [start, now.toISOString(), JSON.stringify(rules)]);
}

/** app.can_still_cancel, the rule of cancel_booking() and reschedule_booking(). */
async function canStillCancel(slotStart: string, now: Date, cancelHoursBefore: number) {
  return one<boolean>('select app.can_still_cancel($1::timestamptz, $2::timestamptz, $3) as v', [
    parseInstant(slotStart).toISOString(),
    now.toISOString(),
    cancelHoursBefore,
  ]);
}

const RULES: BookingRules = { openDaysAhead: 14, closeHoursBefore: 1 };
const HUKOU = 'item-hukou'; // served by window A (all its items) and window B
const SHEBAO = 'item-shebao'; // served by window A only

let nextId = 0;
function template(p: Partial<CapacityTemplate> & Pick<CapacityTemplate, 'windowId' | 'weekday' | 'starts' | 'ends'>): CapacityTemplate {
  return {
    id: `t${++nextId}`,
    itemIds: null,
    slotMinutes: 60,
    seats: 2,
    walkInSeats: 0,
    validFrom: null,
    validTo: null,
    ...p,
  };
}

/** A township centre: window A (all items) and window B (户籍 only), Monday to Friday;
 *  Monday starts earlier (08:30) so Monday's templates can be recognised. */
function centre(): CapacityTemplate[] {
  const out: CapacityTemplate[] = [];
  for (let weekday = 1; weekday <= 5; weekday++) {
    out.push(
      template({ windowId: 'A', weekday, starts: weekday === 1 ? '08:30' : '09:00', ends: '12:00', slotMinutes: 30, seats: 3, walkInSeats: 1 }),
      template({ windowId: 'A', weekday, starts: '14:00', ends: '17:00', slotMinutes: 30, seats: 3, walkInSeats: 1 }),
      template({ windowId: 'B', weekday, starts: '09:00', ends: '11:00', itemIds: [HUKOU], seats: 2 }),
    );
  }
  return out;
}

const startsOf = (slots: { startsAt: string }[]) => slots.map((s) => s.startsAt.slice(11, 16));

function available(
  date: string,
  now: string,
  extra: Partial<{
    templates: CapacityTemplate[];
    overrides: DateOverride[];
    closures: Closure[];
    itemId: string;
    rules: BookingRules;
    scheduleNote: string | null;
  }> = {},
) {
  return dayAvailability({
    date,
    now: new Date(now),
    rules: extra.rules ?? RULES,
    templates: extra.templates ?? centre(),
    overrides: extra.overrides ?? [],
    closures: extra.closures ?? [],
    itemId: extra.itemId ?? HUKOU,
    scheduleNote: extra.scheduleNote ?? null,
  });
}

describe('generateDaySlots', () => {
  it('generates the slots of an ordinary weekday, sorted by start then window, in +08:00', async () => {
    const slots = await generateDaySlots({ date: '2026-11-18', templates: centre(), overrides: [], closures: [], itemId: HUKOU });
    expect(slots[0]).toEqual({
      windowId: 'A',
      startsAt: '2026-11-18T09:00:00+08:00',
      endsAt: '2026-11-18T09:30:00+08:00',
      seats: 3,
      walkInSeats: 1,
      itemIds: null,
    });
    expect(slots[1]).toEqual({
      windowId: 'B',
      startsAt: '2026-11-18T09:00:00+08:00',
      endsAt: '2026-11-18T10:00:00+08:00',
      seats: 2,
      walkInSeats: 0,
      itemIds: [HUKOU],
    });
    expect(slots.map((s) => `${s.startsAt.slice(11, 16)}${s.windowId}`).slice(0, 6)).toEqual([
      '09:00A',
      '09:00B',
      '09:30A',
      '10:00A',
      '10:00B',
      '10:30A',
    ]);
    expect(slots).toHaveLength(12 + 2);
  });

  it('filters by item: a window serving only other items gives none', async () => {
    const shebao = await generateDaySlots({ date: '2026-11-18', templates: centre(), overrides: [], closures: [], itemId: SHEBAO });
    expect(new Set(shebao.map((s) => s.windowId))).toEqual(new Set(['A']));
    const all = await generateDaySlots({ date: '2026-11-18', templates: centre(), overrides: [], closures: [], itemId: null });
    expect(all).toHaveLength(14);
  });

  it('drops the last partial slot when slotMinutes does not divide the session', async () => {
    const templates = [template({ windowId: 'A', weekday: 3, starts: '09:00', ends: '11:45', slotMinutes: 60 })];
    const slots = await generateDaySlots({ date: '2026-11-18', templates, overrides: [], closures: [], itemId: null });
    expect(slots.map((s) => `${s.startsAt.slice(11, 16)}–${s.endsAt.slice(11, 16)}`)).toEqual(['09:00–10:00', '10:00–11:00']);
  });

  it('a session shorter than one slot gives none', async () => {
    const templates = [template({ windowId: 'A', weekday: 3, starts: '09:00', ends: '09:20', slotMinutes: 30 })];
    expect(await generateDaySlots({ date: '2026-11-18', templates, overrides: [], closures: [], itemId: null })).toEqual([]);
  });

  it('carries walk-in seats through, keeps all-walk-in slots, leaves out seatless ones', async () => {
    const templates = [
      template({ windowId: 'A', weekday: 3, starts: '09:00', ends: '10:00', seats: 4, walkInSeats: 4 }),
      template({ windowId: 'B', weekday: 3, starts: '09:00', ends: '10:00', seats: 0, walkInSeats: 0 }),
      template({ windowId: 'C', weekday: 3, starts: '09:00', ends: '10:00', seats: 5, walkInSeats: 2 }),
    ];
    const slots = await generateDaySlots({ date: '2026-11-18', templates, overrides: [], closures: [], itemId: null });
    expect(slots.map((s) => [s.windowId, s.seats, s.walkInSeats, onlineSeats(s)])).toEqual([
      ['A', 4, 4, 0],
      ['C', 5, 2, 3],
    ]);
  });

  it('applies a template only within validFrom … validTo (inclusive)', async () => {
    const t = { validFrom: '2026-12-01', validTo: '2026-12-31' };
    expect(await isTemplateValidOn(t, '2026-11-30')).toBe(false);
    expect(await isTemplateValidOn(t, '2026-12-01')).toBe(true);
    expect(await isTemplateValidOn(t, '2026-12-31')).toBe(true);
    expect(await isTemplateValidOn(t, '2027-01-01')).toBe(false);
    expect(await isTemplateValidOn({ validFrom: null, validTo: null }, '2030-01-01')).toBe(true);

    const winterHours = [
      template({ windowId: 'A', weekday: 2, starts: '09:00', ends: '10:00', validTo: '2026-11-30' }),
      template({ windowId: 'A', weekday: 2, starts: '09:30', ends: '10:30', validFrom: '2026-12-01' }),
    ];
    const on = async (date: string) =>
      startsOf(await generateDaySlots({ date, templates: winterHours, overrides: [], closures: [], itemId: null }));
    expect(await on('2026-11-24')).toEqual(['09:00']);
    expect(await on('2026-12-01')).toEqual(['09:30']);
  });

  it('a statutory holiday has no slots, whatever the templates', async () => {
    expect(await generateDaySlots({ date: '2026-10-01', templates: centre(), overrides: [], closures: [], itemId: null })).toEqual([]);
  });

  it('an adjusted working day (调休) uses Monday’s templates', async () => {
    const sat = await generateDaySlots({ date: '2026-10-10', templates: centre(), overrides: [], closures: [], itemId: null });
    const mon = await generateDaySlots({ date: '2026-10-12', templates: centre(), overrides: [], closures: [], itemId: null });
    expect(sat.length).toBeGreaterThan(0);
    expect(sat[0]?.startsAt).toBe('2026-10-10T08:30:00+08:00');
    expect(sat.map((s) => ({ ...s, startsAt: s.startsAt.slice(10), endsAt: s.endsAt.slice(10) }))).toEqual(
      mon.map((s) => ({ ...s, startsAt: s.startsAt.slice(10), endsAt: s.endsAt.slice(10) })),
    );
  });

  it('closures: the whole centre, or one window', async () => {
    const whole: Closure[] = [{ date: '2026-11-18', windowId: null, reason: '中心设备检修，暂停服务' }];
    expect(await generateDaySlots({ date: '2026-11-18', templates: centre(), overrides: [], closures: whole, itemId: null })).toEqual([]);
    const windowB: Closure[] = [{ date: '2026-11-18', windowId: 'B', reason: '户籍系统升级' }];
    const slots = await generateDaySlots({ date: '2026-11-18', templates: centre(), overrides: [], closures: windowB, itemId: null });
    expect(new Set(slots.map((s) => s.windowId))).toEqual(new Set(['A']));
    const otherDay = await generateDaySlots({ date: '2026-11-19', templates: centre(), overrides: [], closures: windowB, itemId: null });
    expect(new Set(otherDay.map((s) => s.windowId))).toEqual(new Set(['A', 'B']));
  });

  it('an override replaces that window’s templates on that date; an empty one closes the window', async () => {
    const extraEvening: DateOverride = {
      date: '2026-11-18',
      windowId: 'B',
      templates: [
        { itemIds: [HUKOU], starts: '09:00', ends: '11:00', slotMinutes: 60, seats: 2, walkInSeats: 0 },
        { itemIds: [HUKOU], starts: '17:00', ends: '19:00', slotMinutes: 60, seats: 4, walkInSeats: 1 },
      ],
    };
    const slots = await generateDaySlots({ date: '2026-11-18', templates: centre(), overrides: [extraEvening], closures: [], itemId: HUKOU });
    expect(startsOf(slots.filter((s) => s.windowId === 'B'))).toEqual(['09:00', '10:00', '17:00', '18:00']);
    expect(slots.filter((s) => s.windowId === 'A')).toHaveLength(12); // window A untouched
    expect(slots.at(-1)).toMatchObject({ windowId: 'B', seats: 4, walkInSeats: 1, endsAt: '2026-11-18T19:00:00+08:00' });

    const closeB: DateOverride = { date: '2026-11-18', windowId: 'B', templates: [] };
    const closed = await generateDaySlots({ date: '2026-11-18', templates: centre(), overrides: [closeB], closures: [], itemId: null });
    expect(closed.some((s) => s.windowId === 'B')).toBe(false);
  });

  it('one slot per window and start: of overlapping templates the first wins', async () => {
    const templates = [
      template({ windowId: 'A', weekday: 3, starts: '09:00', ends: '11:00', seats: 2 }),
      template({ windowId: 'A', weekday: 3, starts: '10:00', ends: '12:00', seats: 7 }),
    ];
    const slots = await generateDaySlots({ date: '2026-11-18', templates, overrides: [], closures: [], itemId: null });
    expect(slots.map((s) => [s.startsAt.slice(11, 16), s.seats])).toEqual([
      ['09:00', 2],
      ['10:00', 2],
      ['11:00', 7],
    ]);
  });

  it('an override may open a window that has no templates (a temporary window)', async () => {
    const temp: DateOverride = {
      date: '2026-11-18',
      windowId: 'T',
      templates: [{ itemIds: [SHEBAO], starts: '14:00', ends: '15:00', slotMinutes: 30, seats: 1, walkInSeats: 0 }],
    };
    const slots = await generateDaySlots({ date: '2026-11-18', templates: centre(), overrides: [temp], closures: [], itemId: SHEBAO });
    expect(slots.filter((s) => s.windowId === 'T').map((s) => s.startsAt.slice(11, 16))).toEqual(['14:00', '14:30']);
  });

  it('refuses a template the database would refuse', async () => {
    // a bug in the data, not a closed day: the database refuses it (22023 invalid_parameter_value)
    const gen = (t: CapacityTemplate) => generateDaySlots({ date: '2026-11-18', templates: [t], overrides: [], closures: [], itemId: null });
    await expect(gen(template({ windowId: 'A', weekday: 3, starts: '12:00', ends: '09:00' }))).rejects.toMatchObject({ sqlState: '22023' });
    await expect(gen(template({ windowId: 'A', weekday: 3, starts: '09:00', ends: '12:00', slotMinutes: 5 }))).rejects.toMatchObject({ sqlState: '22023' });
    await expect(gen(template({ windowId: 'A', weekday: 3, starts: '09:00', ends: '12:00', seats: 2, walkInSeats: 3 }))).rejects.toMatchObject({ sqlState: '22023' });
    await expect(gen(template({ windowId: 'A', weekday: 3, starts: '9:00', ends: '12:00' }))).rejects.toMatchObject({ sqlState: '22023' });
  });
});

describe('dayAvailability', () => {
  it('国庆节 2026-10-01 is closed, named', async () => {
    expect(await available('2026-10-01', '2026-09-28T02:00:00Z')).toEqual({
      date: '2026-10-01',
      open: false,
      reason: { code: 'HOLIDAY', text: '国庆节放假' },
      slots: [],
    });
  });

  it('2026-10-10, a Saturday made a working day (调休), is open with Monday’s slots', async () => {
    const day = await available('2026-10-10', '2026-10-05T00:00:00Z');
    expect(day.open).toBe(true);
    expect(day.reason).toBeNull();
    expect(startsOf(day.slots).slice(0, 3)).toEqual(['08:30', '09:00', '09:00']);
    expect(day.slots[0]?.startsAt).toBe('2026-10-10T08:30:00+08:00');
  });

  it('an ordinary Saturday is closed as the weekend, unless the centre has Saturday templates', async () => {
    expect((await available('2026-10-17', '2026-10-12T00:00:00Z')).reason).toEqual({ code: 'WEEKEND', text: '周末休息' });
    const saturdayMorning = [...centre(), template({ windowId: 'A', weekday: 6, starts: '09:00', ends: '12:00', seats: 2 })];
    const day = await available('2026-10-17', '2026-10-12T00:00:00Z', { templates: saturdayMorning });
    expect(day.open).toBe(true);
    expect(startsOf(day.slots)).toEqual(['09:00', '10:00', '11:00']);
  });

  it('a station open on Tuesday and Friday is closed on Wednesday, with its note', async () => {
    const station = [
      template({ windowId: 'S', weekday: 2, starts: '08:30', ends: '12:00', slotMinutes: 30 }),
      template({ windowId: 'S', weekday: 5, starts: '08:30', ends: '12:00', slotMinutes: 30 }),
    ];
    expect((await available('2026-11-18', '2026-11-16T00:00:00Z', { templates: station, scheduleNote: '逢赶场日开放' })).reason).toEqual({
      code: 'NOT_OPEN_THIS_DAY',
      text: '当日不开放（逢赶场日开放）',
    });
    expect((await available('2026-11-18', '2026-11-16T00:00:00Z', { templates: station })).reason).toEqual({
      code: 'NOT_OPEN_THIS_DAY',
      text: '当日不开放，请选择其他日期',
    });
    expect((await available('2026-11-17', '2026-11-16T00:00:00Z', { templates: station })).open).toBe(true);
    expect((await available('2026-11-20', '2026-11-16T00:00:00Z', { templates: station })).open).toBe(true);
    // 调休 Saturday follows Monday, when the station is closed too
    expect((await available('2026-10-10', '2026-10-05T00:00:00Z', { templates: station })).reason?.code).toBe('NOT_OPEN_THIS_DAY');
  });

  it('a closure of the whole centre shows its reason', async () => {
    const closures: Closure[] = [{ date: '2026-11-18', windowId: null, reason: '中心设备检修，暂停服务' }];
    expect(await available('2026-11-18', '2026-11-16T00:00:00Z', { closures })).toEqual({
      date: '2026-11-18',
      open: false,
      reason: { code: 'CLOSURE', text: '中心设备检修，暂停服务' },
      slots: [],
    });
  });

  it('a window closure: other windows stay bookable; an item served only there shows the reason', async () => {
    const closeA: Closure[] = [{ date: '2026-11-18', windowId: 'A', reason: '社保窗口系统升级，暂停服务' }];
    const hukou = await available('2026-11-18', '2026-11-16T00:00:00Z', { closures: closeA, itemId: HUKOU });
    expect(hukou.open).toBe(true);
    expect(new Set(hukou.slots.map((s) => s.windowId))).toEqual(new Set(['B']));
    const shebao = await available('2026-11-18', '2026-11-16T00:00:00Z', { closures: closeA, itemId: SHEBAO });
    expect(shebao.reason).toEqual({ code: 'CLOSURE', text: '社保窗口系统升级，暂停服务' });
  });

  it('an override adds an extra session (a Saturday before Spring Festival)', async () => {
    const extra: DateOverride = {
      date: '2026-01-31', // an ordinary Saturday
      windowId: 'A',
      templates: [{ itemIds: null, starts: '09:00', ends: '12:00', slotMinutes: 60, seats: 5, walkInSeats: 1 }],
    };
    expect((await available('2026-01-31', '2026-01-26T00:00:00Z')).reason?.code).toBe('WEEKEND');
    const day = await available('2026-01-31', '2026-01-26T00:00:00Z', { overrides: [extra], itemId: SHEBAO });
    expect(day.open).toBe(true);
    expect(day.slots).toEqual([
      { windowId: 'A', startsAt: '2026-01-31T09:00:00+08:00', endsAt: '2026-01-31T10:00:00+08:00', seats: 5, walkInSeats: 1, itemIds: null },
      { windowId: 'A', startsAt: '2026-01-31T10:00:00+08:00', endsAt: '2026-01-31T11:00:00+08:00', seats: 5, walkInSeats: 1, itemIds: null },
      { windowId: 'A', startsAt: '2026-01-31T11:00:00+08:00', endsAt: '2026-01-31T12:00:00+08:00', seats: 5, walkInSeats: 1, itemIds: null },
    ]);
  });

  it('NO_CAPACITY when the centre opens but not for this item, or only for walk-ins', async () => {
    const other = await available('2026-11-18', '2026-11-16T00:00:00Z', { itemId: 'item-unknown', templates: centre().filter((t) => t.windowId === 'B') });
    expect(other.reason).toEqual({ code: 'NO_CAPACITY', text: '当日该事项无可预约时段' });
    const walkInOnly = [template({ windowId: 'A', weekday: 3, starts: '09:00', ends: '12:00', seats: 3, walkInSeats: 3 })];
    expect((await available('2026-11-18', '2026-11-16T00:00:00Z', { templates: walkInOnly })).reason).toEqual({
      code: 'NO_CAPACITY',
      text: '当日该事项不接受网上预约，请到窗口现场取号办理',
    });
  });

  it('open slots keep their walk-in seats', async () => {
    const day = await available('2026-11-18', '2026-11-16T00:00:00Z', { itemId: SHEBAO });
    expect(day.slots.every((s) => s.seats === 3 && s.walkInSeats === 1)).toBe(true);
  });

  describe('the booking horizon and the close-hours cutoff, around Shanghai midnight', () => {
    // 2026-11-30T15:30:00Z is 23:30 on Monday 30 November in Shanghai (10:30 in New York).
    const lateMonday = '2026-11-30T15:30:00Z';
    // 2026-11-30T16:30:00Z is 00:30 on Tuesday 1 December in Shanghai, still 30 November in UTC.
    const earlyTuesday = '2026-11-30T16:30:00Z';

    it('opens today … today + openDaysAhead, by the Shanghai date', async () => {
      expect((await available('2026-12-14', lateMonday)).open).toBe(true);
      expect((await available('2026-12-15', lateMonday)).reason).toEqual({
        code: 'NOT_YET_OPEN',
        text: '该日期暂未开放预约，可于12月1日起预约',
      });
      // half an hour later it is 1 December in Shanghai: the 15th opens
      expect((await available('2026-12-15', '2026-11-30T16:00:00Z')).open).toBe(true);
      expect((await available('2026-12-16', '2026-11-30T16:00:00Z')).reason?.text).toBe('该日期暂未开放预约，可于12月2日起预约');
    });

    it('the past is past, by the Shanghai date', async () => {
      expect((await available('2026-11-30', earlyTuesday)).reason).toEqual({ code: 'PAST', text: '已过预约时间' });
      expect((await available('2026-12-01', earlyTuesday)).open).toBe(true);
      // late on the 30th every slot of that day has started: PAST as well
      expect((await available('2026-11-30', lateMonday)).reason).toEqual({ code: 'PAST', text: '已过预约时间' });
    });

    it('drops the slots starting less than closeHoursBefore hours after now', async () => {
      // 09:00 on 1 December is 9.5 h after 23:30; 09:30 is exactly 10 h after (closed at that instant)
      const day = await available('2026-12-01', lateMonday, { rules: { openDaysAhead: 14, closeHoursBefore: 10 }, itemId: SHEBAO });
      expect(startsOf(day.slots)[0]).toBe('10:00');
      const all = await available('2026-12-01', lateMonday, { rules: { openDaysAhead: 14, closeHoursBefore: 1 }, itemId: SHEBAO });
      expect(startsOf(all.slots)[0]).toBe('09:00');
      // a cutoff beyond the last slot of tomorrow closes the day
      expect((await available('2026-12-01', lateMonday, { rules: { openDaysAhead: 14, closeHoursBefore: 24 } })).reason?.code).toBe('PAST');
    });

    it('today stays open for the slots still ahead', async () => {
      // 10:10 on 18 November: with a 1 h cutoff, 11:30 (A) and 14:00 on are still bookable
      const day = await available('2026-11-18', '2026-11-18T02:10:00Z', { itemId: SHEBAO });
      expect(startsOf(day.slots).slice(0, 2)).toEqual(['11:30', '14:00']);
    });
  });

  describe('the fallback calendar of 2027', () => {
    it('2027-01-01 is closed as 元旦', async () => {
      expect((await available('2027-01-01', '2026-12-25T00:00:00Z')).reason).toEqual({ code: 'HOLIDAY', text: '元旦放假' });
    });

    it('Spring Festival 2027 (除夕 02-05, 初一 02-06 … 初三 02-08) is closed, and the Tuesday after is open', async () => {
      const now = '2027-02-01T00:00:00Z';
      for (const d of ['2027-02-05', '2027-02-08']) {
        expect((await available(d, now)).reason).toEqual({ code: 'HOLIDAY', text: '春节放假' });
      }
      expect((await available('2027-02-06', now)).reason?.code).toBe('HOLIDAY');
      expect((await available('2027-02-09', now)).open).toBe(true);
    });
  });

  describe('precedence', () => {
    it('PAST beats HOLIDAY', async () => {
      expect((await available('2026-10-01', '2026-10-02T02:00:00Z')).reason?.code).toBe('PAST');
    });
    it('HOLIDAY beats CLOSURE', async () => {
      const closures: Closure[] = [{ date: '2026-10-01', windowId: null, reason: '中心设备检修，暂停服务' }];
      expect((await available('2026-10-01', '2026-09-28T00:00:00Z', { closures })).reason?.code).toBe('HOLIDAY');
    });
    it('CLOSURE beats NOT_YET_OPEN', async () => {
      const closures: Closure[] = [{ date: '2026-12-30', windowId: null, reason: '中心搬迁，暂停服务' }];
      expect((await available('2026-12-30', '2026-11-30T02:00:00Z', { closures })).reason).toEqual({ code: 'CLOSURE', text: '中心搬迁，暂停服务' });
    });
    it('HOLIDAY beats NOT_YET_OPEN', async () => {
      expect((await available('2026-10-01', '2026-09-01T00:00:00Z')).reason?.code).toBe('HOLIDAY');
    });
    it('NOT_YET_OPEN beats WEEKEND', async () => {
      expect((await available('2026-12-19', '2026-11-30T02:00:00Z')).reason?.code).toBe('NOT_YET_OPEN');
    });
    it('WEEKEND beats NO_CAPACITY', async () => {
      expect((await available('2026-10-17', '2026-10-12T00:00:00Z', { itemId: 'item-unknown' })).reason?.code).toBe('WEEKEND');
    });
  });

  it('refuses a date that is not one', async () => {
    // 22008 datetime_field_overflow
    await expect(available('2026-02-30', '2026-02-01T00:00:00Z')).rejects.toMatchObject({ sqlState: '22008' });
  });
});

describe('isSlotBookable', () => {
  const start = '2026-12-01T09:00:00+08:00';
  it('until closeHoursBefore hours before the start, that instant excluded (as SQL book())', async () => {
    const rules = { openDaysAhead: 14, closeHoursBefore: 2 };
    expect(await isSlotBookable(start, new Date('2026-12-01T06:59:59+08:00'), rules)).toBe(true);
    expect(await isSlotBookable(start, new Date('2026-12-01T07:00:00+08:00'), rules)).toBe(false);
    expect(await isSlotBookable(start, new Date('2026-12-01T07:00:01+08:00'), rules)).toBe(false);
    expect(await isSlotBookable(start, new Date('2026-12-01T09:30:00+08:00'), { ...rules, closeHoursBefore: 0 })).toBe(false);
  });
  it('only within the horizon, counted in Shanghai dates', async () => {
    const rules = { openDaysAhead: 14, closeHoursBefore: 1 };
    const far = '2026-12-15T09:00:00+08:00';
    expect(await isSlotBookable(far, new Date('2026-11-30T15:59:59Z'), rules)).toBe(false); // 23:59:59 on the 30th
    expect(await isSlotBookable(far, new Date('2026-11-30T16:00:00Z'), rules)).toBe(true); // 00:00 on the 1st
    expect(await isSlotBookable(new Date('2026-12-15T01:00:00Z'), new Date('2026-11-30T16:00:00Z'), rules)).toBe(true);
  });
  it('refuses an ISO string without an offset', async () => {
    // parsed as the API parses it, before any SQL
    await expect(isSlotBookable('2026-12-01T09:00:00', new Date('2026-11-30T00:00:00Z'), RULES)).rejects.toThrow(RangeError);
  });
});

describe('canStillCancel', () => {
  const start = '2026-12-01T09:00:00+08:00';
  it('until cancelHoursBefore hours before the start, that instant excluded (as SQL cancel_booking())', async () => {
    expect(await canStillCancel(start, new Date('2026-12-01T07:59:59+08:00'), 1)).toBe(true);
    expect(await canStillCancel(start, new Date('2026-12-01T08:00:00+08:00'), 1)).toBe(false);
    expect(await canStillCancel(start, new Date('2026-11-30T08:59:59+08:00'), 24)).toBe(true);
    expect(await canStillCancel(start, new Date('2026-12-01T08:59:59+08:00'), 0)).toBe(true);
    expect(await canStillCancel(start, new Date('2026-12-01T09:00:00+08:00'), 0)).toBe(false);
  });
});
