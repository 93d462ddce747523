// Who sees which bookings, enforced by row-level security: a matrix of callers × rows, read
// straight from the tables as each caller (not through the API).
import type { Caller, SqlDatabase } from '../../server/db/database';
import { createTestDatabase, describeBackend, type TestDatabase } from '../support/database';

let t: TestDatabase;
let db: SqlDatabase;
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const U = { a: id(101), b: id(102), family: id(103), staffX: id(104), staffY: id(105), admin: id(106), adminOther: id(107), off: id(108), offResident: id(109) };
const P = { a: id(201), b: id(202), family: id(203), offResident: id(204) };

beforeAll(async () => {
  console.info(`booking RLS tests on ${describeBackend()}`);
  t = await createTestDatabase({ seed: false });
  db = t.db;
  await db.exec(`
    insert into counties values ('511922', '南江县', '巴中市', '四川省'), ('511921', '通江县', '巴中市', '四川省');
    insert into centers (id, county_code, kind, name, township, address, phone) values
      ('${id(1)}', '511922', 'center', 'X镇便民服务中心', 'X镇', 'X镇正街1号', '0827-1000001'),
      ('${id(2)}', '511922', 'center', 'Y镇便民服务中心', 'Y镇', 'Y镇正街1号', '0827-1000002');
    insert into departments (id, county_code, code, name) values ('${id(10)}', '511922', 'civil', '民政');
    insert into service_items (id, county_code, code, name, category, department_id, handling_mode, legal_days, promised_days, summary, conditions)
      values ('${id(20)}', '511922', 'MZ-1', '某事项', 'public_service', '${id(10)}', 'immediate', 1, 0, 'x', 'x');
    insert into center_items values ('511922', '${id(1)}', '${id(20)}'), ('511922', '${id(2)}', '${id(20)}');
    insert into windows (id, center_id, number, name) values ('${id(30)}', '${id(1)}', 1, '1号'), ('${id(31)}', '${id(2)}', 1, '1号');
    insert into slots (id, center_id, window_id, starts_at, ends_at, seats, booked) values
      ('${id(40)}', '${id(1)}', '${id(30)}', '2026-12-02 09:00+08', '2026-12-02 09:30+08', 5, 1),
      ('${id(41)}', '${id(2)}', '${id(31)}', '2026-12-02 09:00+08', '2026-12-02 09:30+08', 5, 1);
    insert into users (id, app_role, display_name, center_id, county_code, active) values
      ('${U.a}', 'resident', 'A', null, null, true), ('${U.b}', 'resident', 'B', null, null, true),
      ('${U.family}', 'resident', 'A的儿子', null, null, true),
      ('${U.staffX}', 'staff', 'X员', '${id(1)}', '511922', true), ('${U.staffY}', 'staff', 'Y员', '${id(2)}', '511922', true),
      ('${U.admin}', 'admin', '县管理员', null, '511922', true), ('${U.adminOther}', 'admin', '外县管理员', null, '511921', true),
      ('${U.off}', 'staff', '已停用', '${id(1)}', '511922', false), ('${U.offResident}', 'resident', '已停用居民', null, null, false);
    insert into persons (id, full_name) values ('${P.a}', 'A'), ('${P.b}', 'B'), ('${P.family}', 'A的儿子'), ('${P.offResident}', '已停用居民');
    insert into person_links (user_id, person_id, relation, consented_at) values
      ('${U.a}', '${P.a}', 'self', now()), ('${U.b}', '${P.b}', 'self', now()), ('${U.family}', '${P.family}', 'self', now()),
      ('${U.family}', '${P.a}', 'family', now()), ('${U.offResident}', '${P.offResident}', 'self', now());
    insert into bookings (id, code, center_id, item_id, window_id, slot_id, slot_starts_at, slot_ends_at, applicant_id, booked_by, booked_via, created_at, updated_at) values
      ('${id(50)}', 'AAAAAAAA', '${id(1)}', '${id(20)}', '${id(30)}', '${id(40)}', '2026-12-02 09:00+08', '2026-12-02 09:30+08', '${P.a}', '${U.a}', 'self', now(), now()),
      ('${id(51)}', 'BBBBBBBB', '${id(2)}', '${id(20)}', '${id(31)}', '${id(41)}', '2026-12-02 09:00+08', '2026-12-02 09:30+08', '${P.b}', '${U.b}', 'self', now(), now()),
      ('${id(52)}', 'CCCCCCCC', '${id(2)}', '${id(20)}', '${id(31)}', '${id(41)}', '2026-12-02 09:00+08', '2026-12-02 09:30+08', '${P.offResident}', '${U.offResident}', 'self', now(), now());

    -- probes run as the caller (security invoker), through the same rpc path as the API
    create function public.test_visible_codes() returns jsonb language sql stable
      as $$ select coalesce(jsonb_agg(code order by code), '[]'::jsonb) from public.bookings $$;
    create function public.test_write_slots() returns jsonb language sql
      as $$ update public.slots set booked = 0; select '{}'::jsonb $$;
    create function public.test_write_bookings() returns jsonb language sql
      as $$ update public.bookings set status = 'cancelled'; select '{}'::jsonb $$;
    grant execute on function public.test_visible_codes(), public.test_write_slots(), public.test_write_bookings() to anon, authenticated;
  `);
});
afterAll(async () => t?.drop());

const as = (user?: string): Caller => (user ? { role: 'authenticated', claims: { sub: user } } : { role: 'anon', claims: {} });

describe('who sees which booking (row-level security)', () => {
  it.each([
    ['anonymous', undefined, null],
    ['resident A (own)', U.a, ['AAAAAAAA']],
    ['resident B (own)', U.b, ['BBBBBBBB']],
    ["A's son (linked family)", U.family, ['AAAAAAAA']],
    ['staff of centre X', U.staffX, ['AAAAAAAA']],
    ['staff of centre Y', U.staffY, ['BBBBBBBB', 'CCCCCCCC']],
    ['admin of the county', U.admin, ['AAAAAAAA', 'BBBBBBBB', 'CCCCCCCC']],
    ['admin of another county', U.adminOther, []],
    ['a deactivated staff account', U.off, []],
    ['a deactivated resident, even for a booking they made', U.offResident, []],
  ])('%s', async (_who, user, codes) => {
    const seen = db.rpc<string[]>('test_visible_codes', {}, as(user));
    if (codes === null) await expect(seen).rejects.toMatchObject({ sqlState: '42501' }); // anon has no grant at all
    else await expect(seen).resolves.toEqual(codes);
  });

  it('nobody but the service role may write bookings or slots directly', async () => {
    for (const user of [undefined, U.a, U.staffX, U.admin]) {
      await expect(db.rpc('test_write_slots', {}, as(user))).rejects.toMatchObject({ sqlState: '42501' });
      await expect(db.rpc('test_write_bookings', {}, as(user))).rejects.toMatchObject({ sqlState: '42501' });
    }
  });
});
