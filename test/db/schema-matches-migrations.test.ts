// The declared schema (supabase/schemas/*.sql) and the migrations (supabase/migrations/*.sql)
// must give the same database: one fresh database gets the migrations, another the schema files
// directly, and the catalogs of both are compared: tables and columns (types, defaults,
// nullability, generated and identity columns, order), constraints, indexes, row-level security
// and its policies, functions with their whole definitions, triggers, enum types, privileges on
// schemas, tables, columns, sequences and functions, default privileges, extensions, and the row
// counts (the calendar is loaded by the schema itself). Also: the committed baseline migration is
// what `npm run db:baseline` would write, and migrate() refuses a database built from a migration
// history this checkout does not have.
import { checkBaseline, readSchemaFiles } from '../../server/db/baseline';
import type { SqlDatabase } from '../../server/db/database';
import { migrate, readMigrations, UnknownMigrationsError } from '../../server/db/migrations';
import { createTestDatabase, describeBackend, type TestDatabase } from '../support/database';

let fromMigrations: TestDatabase;
let fromSchema: TestDatabase;

beforeAll(async () => {
  console.info(`schema vs migrations on ${describeBackend()}`);
  fromMigrations = await createTestDatabase({ seed: false });
  fromSchema = await createTestDatabase({ migrate: false });
  for (const { file, sql } of readSchemaFiles()) {
    try {
      await fromSchema.db.exec(sql);
    } catch (error) {
      throw new Error(`supabase/schemas/${file}: ${(error as Error).message}`, { cause: error });
    }
  }
}, 180_000);
afterAll(async () => {
  await fromMigrations?.drop();
  await fromSchema?.drop();
});

// Our schemas: what the application defines (the migration history table is the migrator's).
const OURS = `n.nspname in ('public', 'app')`;

const CATALOG: Record<string, string> = {
  schemas: `
    select n.nspname as name, array(select a.grantee::regrole::text || ':' || a.privilege_type
                                   from aclexplode(n.nspacl) a order by 1) as acl
    from pg_namespace n where n.nspname in ('public', 'app', 'extensions') order by 1`,
  extensions: `
    select e.extname as name, n.nspname as schema from pg_extension e join pg_namespace n on n.oid = e.extnamespace
    order by 1`,
  enum_types: `
    select n.nspname || '.' || t.typname as name,
           array(select e.enumlabel::text from pg_enum e where e.enumtypid = t.oid order by e.enumsortorder) as labels
    from pg_type t join pg_namespace n on n.oid = t.typnamespace
    where ${OURS} and t.typtype = 'e' order by 1`,
  other_types: `
    select n.nspname || '.' || t.typname as name, t.typtype as kind
    from pg_type t join pg_namespace n on n.oid = t.typnamespace
    left join pg_class c on c.oid = t.typrelid
    where ${OURS} and t.typtype not in ('e', 'b') and (c.oid is null or c.relkind = 'c')
    order by 1`,
  relations: `
    select c.oid::regclass::text as name, c.relkind as kind, c.relrowsecurity as rls, c.relforcerowsecurity as force_rls,
           case when c.relkind in ('v', 'm') then pg_get_viewdef(c.oid) end as view_definition
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where ${OURS} and c.relkind in ('r', 'p', 'v', 'm', 'S', 'f') order by 1`,
  columns: `
    select c.oid::regclass::text as "table",
           row_number() over (partition by c.oid order by a.attnum) as position,
           a.attname as name, format_type(a.atttypid, a.atttypmod) as type, a.attnotnull as not_null,
           pg_get_expr(d.adbin, d.adrelid) as "default", a.attgenerated as generated, a.attidentity as identity,
           co.collname as collation
    from pg_attribute a
    join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
    left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
    left join pg_collation co on co.oid = a.attcollation and a.attcollation <> 0 and co.collname <> 'default'
    where ${OURS} and c.relkind in ('r', 'p', 'v', 'm', 'f') and a.attnum > 0 and not a.attisdropped
    order by 1, 2`,
  constraints: `
    select c.conrelid::regclass::text as "table", c.conname as name, c.contype as kind,
           pg_get_constraintdef(c.oid) as definition, c.condeferrable as deferrable
    from pg_constraint c join pg_namespace n on n.oid = c.connamespace
    where ${OURS} order by 1, 2`,
  indexes: `
    select i.indrelid::regclass::text as "table", ic.relname as name, pg_get_indexdef(i.indexrelid) as definition
    from pg_index i join pg_class ic on ic.oid = i.indexrelid join pg_namespace n on n.oid = ic.relnamespace
    where ${OURS} order by 1, 2`,
  policies: `
    select schemaname || '.' || tablename as "table", policyname as name, permissive, roles::text[] as roles, cmd,
           qual, with_check
    from pg_policies where schemaname in ('public', 'app') order by 1, 2`,
  functions: `
    select p.oid::regprocedure::text as name, pg_get_functiondef(p.oid) as definition,
           array(select a.grantee::regrole::text || ':' || a.privilege_type
                 from aclexplode(coalesce(p.proacl, acldefault('f', p.proowner))) a order by 1) as acl
    from pg_proc p join pg_namespace n on n.oid = p.pronamespace
    where ${OURS} order by 1`,
  triggers: `
    select t.tgrelid::regclass::text as "table", t.tgname as name, pg_get_triggerdef(t.oid) as definition,
           t.tgenabled as enabled
    from pg_trigger t join pg_class c on c.oid = t.tgrelid join pg_namespace n on n.oid = c.relnamespace
    where ${OURS} and not t.tgisinternal order by 1, 2`,
  table_privileges: `
    select c.oid::regclass::text as name,
           array(select a.grantee::regrole::text || ':' || a.privilege_type || case when a.is_grantable then '+' else '' end
                 from aclexplode(coalesce(c.relacl, acldefault(case when c.relkind = 'S' then 's' else 'r' end::"char", c.relowner))) a
                 order by 1) as acl
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where ${OURS} and c.relkind in ('r', 'p', 'v', 'm', 'S', 'f') order by 1`,
  column_privileges: `
    select c.oid::regclass::text as "table", a.attname as name,
           array(select x.grantee::regrole::text || ':' || x.privilege_type from aclexplode(a.attacl) x order by 1) as acl
    from pg_attribute a join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
    where ${OURS} and a.attacl is not null order by 1, 2`,
  default_privileges: `
    select d.defaclrole::regrole::text as role, coalesce(n.nspname, '') as schema, d.defaclobjtype as kind,
           array(select a.grantee::regrole::text || ':' || a.privilege_type from aclexplode(d.defaclacl) a order by 1) as acl
    from pg_default_acl d left join pg_namespace n on n.oid = d.defaclnamespace order by 1, 2, 3`,
};

// no composite types or views today
const MAY_BE_EMPTY = new Set(['other_types']);

async function snapshot(db: SqlDatabase, sql: string): Promise<unknown[]> {
  return db.query(sql);
}

async function rowCounts(db: SqlDatabase): Promise<Record<string, number>> {
  const tables = await db.query<{ name: string }>(`
    select c.oid::regclass::text as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where ${OURS} and c.relkind in ('r', 'p') order by 1`);
  const counts: Record<string, number> = {};
  for (const { name } of tables) {
    counts[name] = Number((await db.query<{ n: string }>(`select count(*) as n from ${name}`))[0]!.n);
  }
  return counts;
}

describe('the declared schema and the migrations give the same database', () => {
  it.each(Object.keys(CATALOG))('%s', async (kind) => {
    const migrated = await snapshot(fromMigrations.db, CATALOG[kind]!);
    const declared = await snapshot(fromSchema.db, CATALOG[kind]!);
    if (!MAY_BE_EMPTY.has(kind)) expect(migrated.length).toBeGreaterThan(0); // the query does see something
    expect({ kind, rows: migrated }).toEqual({ kind, rows: declared });
  });

  it('row counts (reference data the schema loads, e.g. the calendar)', async () => {
    expect(await rowCounts(fromMigrations.db)).toEqual(await rowCounts(fromSchema.db));
  });
});

describe('the baseline migration', () => {
  it('is what npm run db:baseline writes from the schema files', () => {
    expect(checkBaseline()).toBeNull();
  });
});

describe('migrate()', () => {
  it('is a no-op on an up-to-date database', async () => {
    expect(await migrate(fromMigrations.db)).toEqual([]);
  });

  it('refuses a database whose history holds migrations it does not know, applying nothing', async () => {
    const old = [
      ['20261128000100', 'foundation'],
      ['20261128001500', 'working_days_and_one_call_booking'],
    ];
    const db = fromMigrations.db;
    await db.exec(`insert into supabase_migrations.schema_migrations (version, name) values
      ${old.map(([v, n]) => `('${v}', '${n}')`).join(', ')}`);
    const error = await migrate(db).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(UnknownMigrationsError);
    expect((error as UnknownMigrationsError).unknown).toEqual(old.map(([v, n]) => `${v}_${n}`));
    expect((error as Error).message).toMatch(/older migration history/);
    expect((error as Error).message).toMatch(/\.data\//);
    expect((error as Error).message).toMatch(/npm run db:migrate/);
    const rows = await db.query<{ version: string }>('select version from supabase_migrations.schema_migrations order by version');
    expect(rows.map((r) => r.version)).toEqual([...old.map(([v]) => v!), ...readMigrations().map((m) => m.version)].sort());
  });
});
