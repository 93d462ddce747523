// Who sees which case, rating and rectification, enforced by row-level security: a matrix of
// callers × rows read straight from the tables as each caller (not through the API); nothing
// is writable directly; and the SQL state machine is the one server/cases/case-machine.ts shows.
import { CASE_ACTIONS, CASE_STATUSES, nextStatus } from '../../server/cases/case-machine';
import { RATING_INDICATOR_CODES } from '../../server/cases/rating-indicators';
import type { Caller, SqlDatabase } from '../../server/db/database';
import { createTestDatabase, describeBackend, type TestDatabase } from '../support/database';

let t: TestDatabase;
let db: SqlDatabase;
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const U = {
  a: id(101), b: id(102), family: id(103), agent: id(110), staffX: id(104), staffY: id(105), managerX: id(111),
  admin: id(106), adminOther: id(107), off: id(108), offResident: id(109),
};
const P = { a: id(201), b: id(202), family: id(203), offResident: id(204), agent: id(205) };
// cases: A's booking at X, B's booking at Y, a walk-in at Y
const C = { a: id(60), b: id(61), walkIn: id(62) };
const name: Record<string, string> = { [C.a]: 'case A', [C.b]: 'case B', [C.walkIn]: 'walk-in', [id(70)]: 'rating A', [id(71)]: 'rating B', [id(80)]: 'rectification A' };

beforeAll(async () => {
  console.info(`case RLS tests on ${describeBackend()}`);
  t = await createTestDatabase({ seed: false });
  db = t.db;
  await db.exec(`
    insert into counties values ('511922', '南江县', '巴中市', '四川省'), ('511921', '通江县', '巴中市', '四川省');
    insert into centers (id, county_code, kind, name, township, address, phone) values
      ('${id(1)}', '511922', 'center', 'X镇便民服务中心', 'X镇', 'X镇正街1号', '0827-1000001'),
      ('${id(2)}', '511922', 'center', 'Y镇便民服务中心', 'Y镇', 'Y镇正街1号', '0827-1000002');
    insert into departments (id, county_code, code, name) values ('${id(10)}', '511922', 'civil', '民政');
    insert into service_items (id, county_code, code, name, category, department_id, handling_mode, legal_days, promised_days, summary, conditions)
      values ('${id(20)}', '511922', 'MZ-1', '某事项', 'public_service', '${id(10)}', 'commitment', 10, 5, 'x', 'x');
    insert into center_items values ('511922', '${id(1)}', '${id(20)}'), ('511922', '${id(2)}', '${id(20)}');
    insert into windows (id, center_id, number, name) values ('${id(30)}', '${id(1)}', 1, '1号'), ('${id(31)}', '${id(2)}', 1, '1号');
    insert into slots (id, center_id, window_id, starts_at, ends_at, seats, booked) values
      ('${id(40)}', '${id(1)}', '${id(30)}', '2026-12-02 09:00+08', '2026-12-02 09:30+08', 5, 1),
      ('${id(41)}', '${id(2)}', '${id(31)}', '2026-12-02 09:00+08', '2026-12-02 09:30+08', 5, 2);
    insert into users (id, app_role, display_name, center_id, county_code, active) values
      ('${U.a}', 'resident', 'A', null, null, true), ('${U.b}', 'resident', 'B', null, null, true),
      ('${U.family}', 'resident', 'A的儿子', null, null, true), ('${U.agent}', 'agent', '代办员', null, null, true),
      ('${U.staffX}', 'staff', 'X员', '${id(1)}', '511922', true), ('${U.staffY}', 'staff', 'Y员', '${id(2)}', '511922', true),
      ('${U.managerX}', 'manager', 'X主任', '${id(1)}', '511922', true),
      ('${U.admin}', 'admin', '县管理员', null, '511922', true), ('${U.adminOther}', 'admin', '外县管理员', null, '511921', true),
      ('${U.off}', 'staff', '已停用', '${id(1)}', '511922', false), ('${U.offResident}', 'resident', '已停用居民', null, null, false);
    insert into persons (id, full_name) values ('${P.a}', 'A'), ('${P.b}', 'B'), ('${P.family}', 'A的儿子'), ('${P.offResident}', '已停用居民'), ('${P.agent}', '代办员');
    insert into person_links (user_id, person_id, relation, consented_at) values
      ('${U.a}', '${P.a}', 'self', now()), ('${U.b}', '${P.b}', 'self', now()), ('${U.family}', '${P.family}', 'self', now()),
      ('${U.family}', '${P.a}', 'family', now()), ('${U.offResident}', '${P.offResident}', 'self', now()),
      ('${U.agent}', '${P.agent}', 'self', now()), ('${U.agent}', '${P.b}', 'agent_client', now());
    insert into bookings (id, code, center_id, item_id, window_id, slot_id, slot_starts_at, slot_ends_at, applicant_id, booked_by, booked_via, status, created_at, updated_at) values
      ('${id(50)}', 'AAAAAAAA', '${id(1)}', '${id(20)}', '${id(30)}', '${id(40)}', '2026-12-02 09:00+08', '2026-12-02 09:30+08', '${P.a}', '${U.a}', 'self', 'completed', now(), now()),
      ('${id(51)}', 'BBBBBBBB', '${id(2)}', '${id(20)}', '${id(31)}', '${id(41)}', '2026-12-02 09:00+08', '2026-12-02 09:30+08', '${P.b}', '${U.b}', 'self', 'completed', now(), now()),
      ('${id(52)}', 'CCCCCCCC', '${id(2)}', '${id(20)}', '${id(31)}', '${id(41)}', '2026-12-02 09:00+08', '2026-12-02 09:30+08', '${P.offResident}', '${U.offResident}', 'self', 'checked_in', now(), now());
    insert into tickets (id, center_id, service_date, number, item_id, booking_id, kind, issued_at) values
      ('${id(90)}', '${id(2)}', '2026-12-02', 7, '${id(20)}', null, 'walk_in', now());
    insert into cases (id, center_id, county_code, item_id, booking_id, ticket_id, status, accepted_at, accepted_by, accepted_on, promised_days, promised_by, service_started_at, outcome, finished_at, finished_by, updated_at) values
      ('${C.a}', '${id(1)}', '511922', '${id(20)}', '${id(50)}', null, 'completed', '2026-12-02 09:10+08', '${U.staffX}', '2026-12-02', 5, '2026-12-09', '2026-12-02 09:05+08', '已办好', '2026-12-02 09:40+08', '${U.staffX}', now()),
      ('${C.b}', '${id(2)}', '511922', '${id(20)}', '${id(51)}', null, 'completed', '2026-12-02 09:10+08', '${U.staffY}', '2026-12-02', 5, '2026-12-09', '2026-12-02 09:10+08', null, '2026-12-02 09:20+08', '${U.staffY}', now()),
      ('${C.walkIn}', '${id(2)}', '511922', '${id(20)}', null, '${id(90)}', 'accepted', '2026-12-02 10:00+08', '${U.staffY}', '2026-12-02', 5, '2026-12-09', '2026-12-02 10:00+08', null, null, null, now());
    insert into booking_events (booking_id, case_id, at, kind, actor_id) values
      ('${id(50)}', '${C.a}', '2026-12-02 09:10+08', 'accepted', '${U.staffX}'),
      ('${id(51)}', '${C.b}', '2026-12-02 09:10+08', 'accepted', '${U.staffY}'),
      (null, '${C.walkIn}', '2026-12-02 10:00+08', 'accepted', '${U.staffY}');
    insert into ratings (id, booking_id, case_id, center_id, county_code, rated_by, level, indicators, created_at) values
      ('${id(70)}', '${id(50)}', '${C.a}', '${id(1)}', '511922', '${U.a}', 1, '{attitude}', now()),
      ('${id(71)}', '${id(51)}', '${C.b}', '${id(2)}', '511922', '${U.b}', 5, '{}', now());
    insert into rectifications (id, rating_id, case_id, booking_id, center_id, county_code, assigned_to, opened_at, due_by) values
      ('${id(80)}', '${id(70)}', '${C.a}', '${id(50)}', '${id(1)}', '511922', '${U.managerX}', now(), '2026-12-16');

    -- probes run as the caller (security invoker), through the same rpc path as the API
    create function public.test_visible_case_rows() returns jsonb language sql stable as $$
      select jsonb_build_object(
        'cases', coalesce((select jsonb_agg(c.id order by c.id) from public.cases c), '[]'),
        'ratings', coalesce((select jsonb_agg(r.id order by r.id) from public.ratings r), '[]'),
        'rectifications', coalesce((select jsonb_agg(r.id order by r.id) from public.rectifications r), '[]'),
        'caseEvents', coalesce((select jsonb_agg(e.case_id order by e.case_id) from public.booking_events e where e.case_id is not null), '[]'))
    $$;
    create function public.test_write_cases() returns jsonb language sql
      as $$ update public.cases set status = 'rejected', reject_reason = 'x', finished_at = now(); select '{}'::jsonb $$;
    create function public.test_write_ratings() returns jsonb language sql
      as $$ update public.ratings set level = 5; select '{}'::jsonb $$;
    create function public.test_insert_rating() returns jsonb language sql
      as $$ insert into public.ratings (booking_id, case_id, center_id, county_code, rated_by, level, created_at)
            values ('${id(52)}', '${C.walkIn}', '${id(2)}', '511922', '${U.a}', 5, now()); select '{}'::jsonb $$;
    create function public.test_write_rectifications() returns jsonb language sql
      as $$ update public.rectifications set status = 'closed', closed_at = now(); select '{}'::jsonb $$;
    create function public.test_write_events() returns jsonb language sql
      as $$ update public.booking_events set undone_at = now(), undone_by = actor_id; select '{}'::jsonb $$;
    grant execute on function public.test_visible_case_rows(), public.test_write_cases(), public.test_write_ratings(),
      public.test_insert_rating(), public.test_write_rectifications(), public.test_write_events() to anon, authenticated;
  `);
});
afterAll(async () => t?.drop());

const as = (user?: string): Caller => (user ? { role: 'authenticated', claims: { sub: user } } : { role: 'anon', claims: {} });
const named = (ids: string[]) => ids.map((x) => name[x] ?? x);

interface Visible {
  cases: string[];
  ratings: string[];
  rectifications: string[];
  caseEvents: string[];
}

describe('who sees which case, rating and rectification (row-level security)', () => {
  const nothing = { cases: [], ratings: [], rectifications: [], caseEvents: [] };
  it.each<[string, string | undefined, Visible | null]>([
    ['anonymous', undefined, null],
    ['resident A (own)', U.a, { cases: ['case A'], ratings: ['rating A'], rectifications: ['rectification A'], caseEvents: ['case A'] }],
    ['resident B (own)', U.b, { cases: ['case B'], ratings: ['rating B'], rectifications: [], caseEvents: ['case B'] }],
    ["A's son (linked family)", U.family, { cases: ['case A'], ratings: ['rating A'], rectifications: ['rectification A'], caseEvents: ['case A'] }],
    ["B's village agent (agent client)", U.agent, { cases: ['case B'], ratings: ['rating B'], rectifications: [], caseEvents: ['case B'] }],
    ['staff of centre X', U.staffX, { cases: ['case A'], ratings: ['rating A'], rectifications: ['rectification A'], caseEvents: ['case A'] }],
    ['the manager of centre X', U.managerX, { cases: ['case A'], ratings: ['rating A'], rectifications: ['rectification A'], caseEvents: ['case A'] }],
    ['staff of centre Y (walk-ins included)', U.staffY, { cases: ['case B', 'walk-in'], ratings: ['rating B'], rectifications: [], caseEvents: ['case B', 'walk-in'] }],
    ['admin of the county', U.admin, { cases: ['case A', 'case B', 'walk-in'], ratings: ['rating A', 'rating B'], rectifications: ['rectification A'], caseEvents: ['case A', 'case B', 'walk-in'] }],
    ['admin of another county', U.adminOther, nothing],
    ['a deactivated staff account of centre X', U.off, nothing],
    ['a deactivated resident', U.offResident, nothing],
  ])('%s', async (_who, user, expected) => {
    const seen = db.rpc<Visible>('test_visible_case_rows', {}, as(user));
    if (expected === null) {
      await expect(seen).rejects.toMatchObject({ sqlState: '42501' }); // anon has no grant at all
      return;
    }
    const v = await seen;
    expect({
      cases: named(v.cases),
      ratings: named(v.ratings),
      rectifications: named(v.rectifications),
      caseEvents: named(v.caseEvents),
    }).toEqual(expected);
  });

  it('nobody but the service role may write cases, ratings, rectifications or events directly', async () => {
    for (const user of [undefined, U.a, U.staffX, U.managerX, U.admin]) {
      for (const fn of ['test_write_cases', 'test_write_ratings', 'test_insert_rating', 'test_write_rectifications', 'test_write_events']) {
        await expect(db.rpc(fn, {}, as(user))).rejects.toMatchObject({ sqlState: '42501' });
      }
    }
  });

  it('get_case and get_booking answer only what row-level security lets the caller see', async () => {
    await expect(db.rpc('get_case', { p_id: C.walkIn }, as(U.staffY))).resolves.toMatchObject({ id: C.walkIn, bookingId: null, ticketNumber: 7 });
    await expect(db.rpc('get_case', { p_id: C.walkIn }, as(U.staffX))).rejects.toMatchObject({ message: 'CASE_NOT_FOUND' });
    await expect(db.rpc('get_case', { p_id: C.a }, as(U.b))).rejects.toMatchObject({ message: 'CASE_NOT_FOUND' });
    await expect(db.rpc('get_case', { p_id: C.a }, as(U.family))).resolves.toMatchObject({ status: 'completed', outcome: '已办好', handlingSeconds: 35 * 60 });
    await expect(db.rpc('get_booking', { p_id: id(50) }, as(U.a))).resolves.toMatchObject({
      case: { id: C.a, status: 'completed', promisedBy: '2026-12-09' },
      rating: { level: 1, indicators: ['attitude'], followUp: true },
    });
    await expect(db.rpc('get_case', { p_id: C.a }, as())).rejects.toMatchObject({ sqlState: '42501' });
  });
});

describe('constraints and the state machine', () => {
  it('the SQL state machine is the one the clients are shown', async () => {
    for (const status of CASE_STATUSES) {
      for (const action of CASE_ACTIONS) {
        const [row] = await db.query<{ next: string | null }>('select app.case_next_status($1::public.case_status, $2)::text as next', [status, action]);
        expect({ status, action, next: row!.next }).toEqual({ status, action, next: nextStatus(status, action) });
      }
    }
  });

  it('ratings take only the standard indicators', async () => {
    await expect(db.exec(`update ratings set indicators = '{${RATING_INDICATOR_CODES.join(',')}}' where id = '${id(71)}'`)).resolves.toBeUndefined();
    await expect(db.exec(`update ratings set indicators = '{speed}' where id = '${id(71)}'`)).rejects.toMatchObject({ sqlState: '23514' });
    await expect(db.exec(`update ratings set level = 6 where id = '${id(71)}'`)).rejects.toMatchObject({ sqlState: '23514' });
  });

  it('one rating per booking, one live case per booking', async () => {
    await expect(db.exec(`insert into ratings (booking_id, case_id, center_id, county_code, rated_by, level, created_at)
      values ('${id(50)}', '${C.a}', '${id(1)}', '511922', '${U.a}', 5, now())`)).rejects.toMatchObject({ sqlState: '23505' });
    await expect(db.exec(`insert into cases (center_id, county_code, item_id, booking_id, accepted_at, accepted_by, accepted_on, promised_days, promised_by, service_started_at, updated_at)
      values ('${id(1)}', '511922', '${id(20)}', '${id(50)}', now(), '${U.staffX}', '2026-12-02', 5, '2026-12-09', now(), now())`)).rejects.toMatchObject({ sqlState: '23505' });
  });

  it('a rejected case needs its reason, a finished one its time, a 补正 its materials', async () => {
    await db.exec(`insert into tickets (id, center_id, service_date, number, item_id, kind, issued_at) values ('${id(91)}', '${id(2)}', '2026-12-02', 8, '${id(20)}', 'walk_in', now())`);
    const insert = (status: string) =>
      db.exec(`insert into cases (center_id, county_code, item_id, ticket_id, status, accepted_at, accepted_by, accepted_on, promised_days, promised_by, service_started_at, updated_at)
        values ('${id(2)}', '511922', '${id(20)}', '${id(91)}', '${status}', now(), '${U.staffY}', '2026-12-02', 5, '2026-12-09', now(), now())`);
    for (const status of ['rejected', 'completed', 'needs_supplement']) {
      await expect(insert(status)).rejects.toMatchObject({ sqlState: '23514' });
    }
    await expect(insert('accepted')).resolves.toBeUndefined();
  });
});
