// The working-day calendar table (app.calendar_days): what the migration alone loads is what
// server/calendar/working-days.ts says, day by day; refreshCalendar keeps it so; a date missing
// from it is closed ("schedule unknown"), never open; only the service role may refresh it.
import { CALENDAR_FROM_YEAR, CALENDAR_TO_YEAR, refreshCalendar } from '../../server/calendar/calendar-table';
import { datesBetween } from '../../server/calendar/shanghai-time';
import { dayStatus } from '../../server/calendar/working-days';
import type { Caller, SqlDatabase } from '../../server/db/database';
import type { Availability } from '../../server/contract/booking';
import { createTestDatabase, describeBackend, type TestDatabase } from '../support/database';

let t: TestDatabase;
let db: SqlDatabase;
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const CENTER = id(1);
const ITEM = id(20);
const RESIDENT = id(101);

beforeAll(async () => {
  console.info(`calendar table tests on ${describeBackend()}`);
  t = await createTestDatabase({ seed: false }); // migrations only: the calendar comes from the migration
  db = t.db;
}, 120_000);
afterAll(async () => {
  await t?.drop();
});

interface Row extends Record<string, unknown> {
  date: string;
  weekday: number;
  kind: string;
  name: string | null;
  schedule_known: boolean;
  is_working_day: boolean;
}

async function rows(): Promise<Row[]> {
  return db.query<Row>(`select to_char(date, 'YYYY-MM-DD') as date, weekday, kind, name, schedule_known, is_working_day from app.calendar_days order by date`);
}

describe('app.calendar_days', () => {
  it(`after migrating, holds every date ${CALENDAR_FROM_YEAR}–${CALENDAR_TO_YEAR} exactly as dayStatus() answers`, async () => {
    const years = Array.from({ length: CALENDAR_TO_YEAR - CALENDAR_FROM_YEAR + 1 }, (_, i) => CALENDAR_FROM_YEAR + i);
    const expected = years.flatMap((year) =>
      datesBetween(`${year}-01-01`, `${year}-12-31`).map((date) => {
        const s = dayStatus(date);
        const isWorkingDay = s.kind === 'workday' || s.kind === 'adjusted_workday';
        return { date, weekday: s.weekday, kind: s.kind, name: s.holidayName, schedule_known: s.scheduleKnown, is_working_day: isWorkingDay };
      }),
    );
    const actual = await rows();
    expect(actual.length).toBe(expected.length);
    const differences = actual.filter((r, i) => JSON.stringify(r) !== JSON.stringify(expected[i]));
    expect(differences).toEqual([]);
  });

  it('names holidays and adjusted working days as the mini-program shows them', async () => {
    const some = await db.query<Row>(
      `select to_char(date, 'YYYY-MM-DD') as date, kind, name, schedule_known from app.calendar_days
       where date in ('2026-10-01', '2026-10-10', '2026-10-17', '2027-02-06') order by date`,
    );
    expect(some).toEqual([
      { date: '2026-10-01', kind: 'holiday', name: '国庆节', schedule_known: true },
      { date: '2026-10-10', kind: 'adjusted_workday', name: '国庆节', schedule_known: true },
      { date: '2026-10-17', kind: 'weekend', name: null, schedule_known: true },
      { date: '2027-02-06', kind: 'holiday', name: '春节', schedule_known: false },
    ]);
  });

  it('refreshCalendar changes nothing when in step, and repairs a day that drifted', async () => {
    expect(await refreshCalendar(db)).toBe(0);
    await db.exec(`update app.calendar_days set kind = 'workday', name = null where date = '2026-10-01'`);
    expect(await refreshCalendar(db, 2026, 2026)).toBe(1);
    const [row] = await db.query<Row>(`select kind, name from app.calendar_days where date = '2026-10-01'`);
    expect(row).toEqual({ kind: 'holiday', name: '国庆节' });
  });

  it('only the service role may refresh it, and nobody else reads the table', async () => {
    const years = [{ year: 2026, scheduleKnown: true, special: {} }];
    for (const caller of [{ role: 'anon', claims: {} }, { role: 'authenticated', claims: { sub: RESIDENT } }] as Caller[]) {
      await expect(db.rpc('refresh_calendar', { p_years: years }, caller)).rejects.toMatchObject({ sqlState: '42501' });
    }
    await expect(db.exec(`begin; set local role authenticated; select * from app.calendar_days limit 1; commit;`)).rejects.toMatchObject({ sqlState: '42501' });
  });
});

describe('a date outside the calendar', () => {
  beforeAll(async () => {
    await db.exec(`
      insert into counties values ('511922', '南江县', '巴中市', '四川省');
      insert into centers (id, county_code, kind, name, township, address, phone) values ('${CENTER}', '511922', 'center', 'X镇便民服务中心', 'X镇', 'X镇正街1号', '0827-1000001');
      insert into departments (id, county_code, code, name) values ('${id(10)}', '511922', 'civil', '民政');
      insert into service_items (id, county_code, code, name, category, department_id, handling_mode, legal_days, promised_days, summary, conditions)
        values ('${ITEM}', '511922', 'MZ-1', '某事项', 'public_service', '${id(10)}', 'immediate', 1, 0, 'x', 'x');
      insert into center_items values ('511922', '${CENTER}', '${ITEM}');
      insert into windows (id, center_id, number, name) values ('${id(30)}', '${CENTER}', 1, '1号');
      insert into window_items (center_id, window_id, item_id) values ('${CENTER}', '${id(30)}', '${ITEM}');
      insert into capacity_templates (center_id, window_id, weekday, starts, ends, slot_minutes, seats)
        select '${CENTER}', '${id(30)}', d, '09:00', '12:00', 60, 2 from generate_series(1, 5) d;
      insert into users (id, app_role, display_name, active) values ('${RESIDENT}', 'resident', 'A', true);
      insert into persons (id, full_name) values ('${id(201)}', 'A');
      insert into person_links (user_id, person_id, relation, consented_at) values ('${RESIDENT}', '${id(201)}', 'self', now());
    `);
  });

  const now = new Date('2026-11-30T01:00:00Z'); // Monday 09:00 in Shanghai
  const availability = (from: string, to: string) =>
    db.rpc<Availability & { offered: boolean }>('booking_setup', { p_center: CENTER, p_item: ITEM, p_from: from, p_to: to, p_now: now.toISOString() }, { role: 'anon', claims: {} });
  const book = (start: string) =>
    db.rpc('book', { p_center: CENTER, p_item: ITEM, p_slot_start: start, p_now: now.toISOString() }, { role: 'authenticated', claims: { sub: RESIDENT } });

  it('an ordinary Wednesday is open while its row is there', async () => {
    const a = await availability('2026-12-02', '2026-12-02');
    expect(a.scheduleKnown).toBe(true);
    expect(a.days[0]).toMatchObject({ date: '2026-12-02', weekday: 3, open: true });
  });

  it('is closed, with the schedule unknown, when its row is missing; booking it is refused', async () => {
    await db.exec(`delete from app.calendar_days where date = '2026-12-02'`);
    try {
      const a = await availability('2026-12-01', '2026-12-02');
      expect(a.scheduleKnown).toBe(false);
      expect(a.days[0]!.open).toBe(true);
      expect(a.days[1]).toEqual({
        date: '2026-12-02',
        weekday: 3,
        open: false,
        reason: { code: 'NOT_OPEN_THIS_DAY', text: '该日期的办公安排尚未公布，请选择其他日期' },
        slots: [],
      });
      await expect(book('2026-12-02T09:00:00+08:00')).rejects.toMatchObject({ message: 'SLOT_NOT_AVAILABLE' });
      // the configuration's reconciliation sees no session there either
      const [cfg] = await db.query<{ n: number }>(
        `select count(*)::int as n from app.config_sessions('${id(30)}', '2026-12-02T09:00:00+08:00')`,
      );
      expect(cfg!.n).toBe(0);
    } finally {
      await refreshCalendar(db, 2026, 2026);
    }
    expect((await availability('2026-12-02', '2026-12-02')).days[0]!.open).toBe(true);
  });
});
