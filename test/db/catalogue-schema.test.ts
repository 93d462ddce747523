// Database layer: constraints, row-level security, grants and the catalogue functions,
// on a fresh database (real PostgreSQL in CI, PGlite elsewhere).
import { ANONYMOUS, type Caller, DbError, type SqlDatabase } from '../../server/db/database';
import { readMigrations } from '../../server/db/migrations';
import { createTestDatabase, describeBackend, type TestDatabase } from '../support/database';

let t: TestDatabase;
let db: SqlDatabase;
const COUNTY = '511922';
const ids = {
  center: '00000000-0000-4000-8000-000000000001',
  station: '00000000-0000-4000-8000-000000000002',
  closed: '00000000-0000-4000-8000-000000000003',
  dept: '00000000-0000-4000-8000-000000000010',
  item: '00000000-0000-4000-8000-000000000020',
  hidden: '00000000-0000-4000-8000-000000000021',
  other: '00000000-0000-4000-8000-000000000022',
};

beforeAll(async () => {
  console.info(`database tests on ${describeBackend()}`);
  t = await createTestDatabase({ seed: false });
  db = t.db;
  await db.exec(`
    insert into counties values ('${COUNTY}', '南江县', '巴中市', '四川省'), ('511921', '通江县', '巴中市', '四川省');
    insert into centers (id, county_code, kind, parent_center_id, name, township, address, phone) values
      ('${ids.center}', '${COUNTY}', 'center', null, '测试镇便民服务中心', '测试镇', '测试镇正街1号', '0827-8000001'),
      ('${ids.station}', '${COUNTY}', 'station', '${ids.center}', '测试村便民服务站', '测试镇', '测试村', '0827-8000002');
    insert into centers (id, county_code, kind, name, township, address, phone, active) values
      ('${ids.closed}', '${COUNTY}', 'center', '已撤销便民服务中心', '撤销镇', '某地', '0827-8000003', false);
    insert into center_opening_hours values ('${ids.center}', 1, '08:30', '12:00'), ('${ids.center}', 1, '14:00', '17:30');
    insert into departments (id, county_code, code, name) values ('${ids.dept}', '${COUNTY}', 'civil_affairs', '民政');
    insert into service_items (id, county_code, code, name, category, department_id, handling_mode, legal_days, promised_days, summary, conditions, keywords, popularity) values
      ('${ids.item}', '${COUNTY}', 'MZ-001', '最低生活保障申请', 'public_service', '${ids.dept}', 'commitment', 20, 10, '困难家庭申请低保', '本地户籍', '低保', 90),
      ('${ids.other}', '${COUNTY}', 'MZ-002', '临时救助申请（含100%急难）', 'public_service', '${ids.dept}', 'immediate', 5, 0, '急难救助', '遭遇困难', '', 50);
    insert into service_items (id, county_code, code, name, category, department_id, handling_mode, legal_days, promised_days, summary, conditions, published) values
      ('${ids.hidden}', '${COUNTY}', 'MZ-003', '未发布的事项', 'other_power', '${ids.dept}', 'joint', 10, 5, 'x', 'x', false);
    insert into item_materials (item_id, position, name, form, copies, requirement, condition_question) values
      ('${ids.item}', 1, '居民身份证', 'original', 1, 'required', null),
      ('${ids.item}', 2, '授权委托书', 'original', 1, 'conditional', '是否委托他人代办？');
    insert into center_items values ('${COUNTY}', '${ids.center}', '${ids.item}'), ('${COUNTY}', '${ids.center}', '${ids.hidden}');
  `);
});

afterAll(async () => {
  await t?.drop();
});

const anon = <T>(fn: string, args: Record<string, unknown> = {}, caller: Caller = ANONYMOUS) =>
  db.rpc<T>(fn, args as Record<string, string>, caller);

async function rejects(sql: string): Promise<DbError> {
  try {
    await db.exec(sql);
  } catch (error) {
    expect(error).toBeInstanceOf(DbError);
    return error as DbError;
  }
  throw new Error(`expected to fail: ${sql}`);
}

describe('migrations', () => {
  it('records every migration where the Supabase CLI looks for them', async () => {
    const rows = await db.query<{ version: string }>('select version from supabase_migrations.schema_migrations order by version');
    expect(rows.map((r) => r.version)).toEqual(readMigrations().map((m) => m.version));
    const health = await anon<{ migration: string }>('health');
    expect(health.migration).toBe(readMigrations().at(-1)!.version);
  });
});

describe('constraints', () => {
  it('a station needs a parent centre, a centre must not have one', async () => {
    expect((await rejects(`insert into centers (county_code, kind, name, township, address, phone) values ('${COUNTY}', 'station', '孤立站', '某镇', '某地', '0827-1')`)).sqlState).toBe('23514');
  });

  it('promised days cannot exceed legal days', async () => {
    const e = await rejects(`insert into service_items (county_code, code, name, category, department_id, handling_mode, legal_days, promised_days, summary, conditions)
      values ('${COUNTY}', 'MZ-900', '测试事项', 'permit', '${ids.dept}', 'immediate', 5, 10, 'x', 'x')`);
    expect(e.sqlState).toBe('23514');
  });

  it('a conditional material needs its question, a required one must not have one', async () => {
    expect((await rejects(`insert into item_materials (item_id, position, name, form, requirement) values ('${ids.item}', 9, '某证明', 'copy', 'conditional')`)).sqlState).toBe('23514');
    expect((await rejects(`insert into item_materials (item_id, position, name, form, requirement, condition_question) values ('${ids.item}', 9, '某证明', 'copy', 'required', '是否？')`)).sqlState).toBe('23514');
  });

  it('opening sessions of one day never overlap', async () => {
    expect((await rejects(`insert into center_opening_hours values ('${ids.center}', 1, '11:00', '15:00')`)).sqlState).toBe('23P01');
  });

  it('a centre cannot offer an item of another county', async () => {
    expect((await rejects(`insert into center_items values ('511921', '${ids.center}', '${ids.other}')`)).sqlState).toBe('23503');
  });

  it('item codes are unique within a county', async () => {
    const e = await rejects(`insert into service_items (county_code, code, name, category, department_id, handling_mode, legal_days, promised_days, summary, conditions)
      values ('${COUNTY}', 'MZ-001', '重复编码', 'permit', '${ids.dept}', 'immediate', 5, 1, 'x', 'x')`);
    expect(e.sqlState).toBe('23505');
  });
});

describe('row-level security and grants', () => {
  it('anonymous callers cannot write the catalogue', async () => {
    await expect(
      db.rpc('get_item', { p_id: ids.item }, ANONYMOUS).then(() =>
        db.exec(`begin; set local role anon; insert into departments (county_code, code, name) values ('${COUNTY}', 'x_y', '某部门'); commit;`),
      ),
    ).rejects.toMatchObject({ sqlState: '42501' });
  });

  it('unpublished items and inactive centres are invisible', async () => {
    await expect(anon('get_item', { p_id: ids.hidden })).rejects.toMatchObject({ sqlState: 'P0001', message: 'ITEM_NOT_FOUND' });
    await expect(anon('get_center', { p_id: ids.closed })).rejects.toMatchObject({ message: 'CENTER_NOT_FOUND' });
    const page = await anon<{ total: number }>('search_items', { p_center: ids.center });
    expect(page.total).toBe(1);
    const centers = await anon<{ centers: { id: string }[] }>('list_centers');
    expect(centers.centers.map((c) => c.id)).not.toContain(ids.closed);
  });

  it('the migration history is not readable by API roles', async () => {
    await expect(
      db.exec('begin; set local role anon; select * from supabase_migrations.schema_migrations; commit;'),
    ).rejects.toMatchObject({ sqlState: '42501' });
  });

  it('anon may execute exactly the public read functions and the helpers they use', async () => {
    const rows = await db.query<{ name: string }>(`
      select n.nspname || '.' || p.proname as name
      from pg_proc p join pg_namespace n on n.oid = p.pronamespace
      where n.nspname in ('public', 'app') and has_function_privilege('anon', p.oid, 'execute')
      order by 1`);
    expect(rows.map((r) => r.name)).toEqual([
      'app.app_role', 'app.booking_rules', 'app.bundle_summary', 'app.can_see_center', 'app.center_ref', 'app.center_summary',
      'app.claims', 'app.iso_shanghai', 'app.item_summary', 'app.like_pattern', 'app.raise', 'app.shanghai_day_start',
      'app.term_matches', 'app.uid',
      'public.booking_setup', 'public.catalogue_facets', 'public.center_on_duty', 'public.get_bundle', 'public.get_center',
      'public.get_item', 'public.health', 'public.list_centers', 'public.search_bundles', 'public.search_items', 'public.staff_photo',
    ]);
  });

  it('every table in public has row-level security enabled', async () => {
    const rows = await db.query<{ relname: string }>(`
      select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind = 'r' and not c.relrowsecurity`);
    expect(rows).toEqual([]);
  });
});

describe('catalogue functions', () => {
  it('returns a centre with its opening hours and stations', async () => {
    const c = await anon<Record<string, unknown>>('get_center', { p_id: ids.center });
    expect(c).toMatchObject({
      name: '测试镇便民服务中心',
      kind: 'center',
      itemCount: 1, // the unpublished item is not counted
      openingHours: [
        { weekday: 1, opens: '08:30', closes: '12:00' },
        { weekday: 1, opens: '14:00', closes: '17:30' },
      ],
      stations: [{ id: ids.station, name: '测试村便民服务站', kind: 'station' }],
      parent: null,
    });
  });

  it('returns an item with its checklist in order and where it is offered', async () => {
    const item = await anon<{ materials: unknown[]; centers: unknown[]; fee: unknown }>('get_item', { p_id: ids.item });
    expect(item.materials).toEqual([
      expect.objectContaining({ position: 1, name: '居民身份证', requirement: 'required', condition: null }),
      expect.objectContaining({ position: 2, requirement: 'conditional', condition: '是否委托他人代办？' }),
    ]);
    expect(item.centers).toEqual([{ id: ids.center, name: '测试镇便民服务中心', kind: 'center' }]);
    expect(item.fee).toEqual({ free: true, text: '不收费' });
  });

  it('finds items by other names and by every term', async () => {
    const byKeyword = await anon<{ rows: { code: string }[] }>('search_items', { p_q: '低保' });
    expect(byKeyword.rows.map((r) => r.code)).toEqual(['MZ-001']);
    const both = await anon<{ total: number }>('search_items', { p_q: '救助 临时' });
    expect(both.total).toBe(1);
    const none = await anon<{ total: number }>('search_items', { p_q: '救助 低保' });
    expect(none.total).toBe(0);
  });

  it('treats % and _ in a search as plain characters', async () => {
    expect((await anon<{ total: number }>('search_items', { p_q: '%' })).total).toBe(1);
    expect((await anon<{ total: number }>('search_items', { p_q: '_' })).total).toBe(0);
  });

  it('clamps paging and reports the total', async () => {
    const page = await anon<{ total: number; limit: number; offset: number; rows: unknown[] }>('search_items', { p_limit: 1000, p_offset: -5 });
    expect(page).toMatchObject({ total: 2, limit: 100, offset: 0 });
    const second = await anon<{ rows: { code: string }[] }>('search_items', { p_limit: 1, p_offset: 1 });
    expect(second.rows.map((r) => r.code)).toEqual(['MZ-002']);
  });

  it('counts items per category and department', async () => {
    const f = await anon<{ categories: unknown[]; departments: unknown[] }>('catalogue_facets');
    expect(f.categories).toEqual([{ value: 'public_service', count: 2 }]);
    expect(f.departments).toEqual([{ value: 'civil_affairs', label: '民政', count: 2 }]);
  });

  it('rejects a malformed id as bad input, not as a server failure', async () => {
    await expect(anon('get_item', { p_id: 'nope' })).rejects.toMatchObject({ sqlState: '22P02' });
  });
});
