// Applies supabase/migrations/*.sql in order and records them where the Supabase CLI does
// (supabase_migrations.schema_migrations), so `supabase migration list` agrees with us.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { SqlDatabase } from './database';

export interface Migration {
  version: string;
  name: string;
  sql: string;
}

const FILE_NAME = /^(\d{14})_([a-z0-9_]+)\.sql$/;

export const MIGRATIONS_DIR = path.resolve(__dirname, '../../supabase/migrations');

export function readMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .sort()
    .map((file) => {
      const match = FILE_NAME.exec(file);
      if (!match) throw new Error(`migration file name must be <14 digits>_<snake_name>.sql: ${file}`);
      return { version: match[1]!, name: match[2]!, sql: readFileSync(path.join(dir, file), 'utf8') };
    });
}

const HISTORY_TABLE = `
  create schema if not exists supabase_migrations;
  create table if not exists supabase_migrations.schema_migrations (
    version text primary key,
    statements text[],
    name text
  );`;

/**
 * The database's history names migrations this checkout does not have: typically a database
 * built before the feature migrations were squashed into the baseline (0.1.0). Applying the
 * baseline on top would fail half-way or, worse, succeed on a schema nobody declared.
 */
export class UnknownMigrationsError extends Error {
  constructor(readonly unknown: string[]) {
    super(
      `the database was migrated with ${unknown.length} migration(s) this checkout does not know ` +
        `(${unknown.slice(0, 3).join(', ')}${unknown.length > 3 ? ', …' : ''}): it was built from an older ` +
        'migration history (before the schema was squashed into supabase/migrations/20261207000000_baseline.sql). ' +
        'Rebuild it: for the embedded database delete the data folder (.data/, npm start does this itself); ' +
        'for PostgreSQL drop and recreate the database, then run npm run db:migrate and load the seed again.',
    );
    this.name = 'UnknownMigrationsError';
  }
}

/**
 * Apply the migrations not yet recorded; each in its own transaction. Returns what ran.
 * Refuses (UnknownMigrationsError, nothing applied) a database whose history holds a version
 * that is not among `migrations`.
 */
export async function migrate(db: SqlDatabase, migrations = readMigrations()): Promise<string[]> {
  await db.exec(HISTORY_TABLE);
  const recorded = await db.query<{ version: string; name: string | null }>(
    'select version, name from supabase_migrations.schema_migrations order by version',
  );
  const known = new Set(migrations.map((m) => m.version));
  const unknown = recorded.filter((r) => !known.has(r.version)).map((r) => (r.name ? `${r.version}_${r.name}` : r.version));
  if (unknown.length) throw new UnknownMigrationsError(unknown);
  const done = new Set(recorded.map((r) => r.version));
  const applied: string[] = [];
  for (const m of migrations) {
    if (done.has(m.version)) continue;
    const record = `insert into supabase_migrations.schema_migrations (version, name, statements)
      values (${literal(m.version)}, ${literal(m.name)}, array[${literal(m.sql)}]);`;
    try {
      await db.exec(`begin;\n${m.sql}\n;\n${record}\ncommit;`);
    } catch (error) {
      throw new Error(`migration ${m.version}_${m.name} failed: ${(error as Error).message}`, { cause: error });
    }
    applied.push(m.version);
  }
  return applied;
}

function literal(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}
