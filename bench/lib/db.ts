// A fresh PostgreSQL database per benchmark run: created on the local server, migrated with
// the repository's migrations, seeded with the demo catalogue, and dropped at the end (also
// on Ctrl-C). Loads go to 127.0.0.1 only.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { SqlDatabase } from '../../server/db/database';
import { migrate } from '../../server/db/migrations';
import { openPg } from '../../server/db/pg';
import { seedIfEmpty } from '../../server/db/seed';

/** Admin connection to the local server (trust auth). BENCH_DATABASE_URL may point elsewhere on this machine. */
export const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

export function assertLocal(url: string): void {
  const host = new URL(url).hostname;
  if (!LOCAL_HOSTS.has(host)) throw new Error(`benchmarks run against 127.0.0.1 only, not ${host}`);
}

export interface BenchDatabase {
  name: string;
  url: string;
  /** the application's pg backend on the fresh database (a pool) */
  db: SqlDatabase;
  /** a plain pg client as the superuser, for set-up, EXPLAIN and checks */
  admin: pg.Client;
  drop(): Promise<void>;
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

const cleanups = new Set<() => Promise<void>>();
let handlersInstalled = false;

function installSignalHandlers(): void {
  if (handlersInstalled) return;
  handlersInstalled = true;
  const onSignal = (signal: NodeJS.Signals) => {
    console.error(`\n${signal}: dropping the benchmark database…`);
    void Promise.allSettled([...cleanups].map((c) => c())).then(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
}

export async function createBenchDatabase(prefix: string, poolSize = 10, options: { seed?: boolean } = {}): Promise<BenchDatabase> {
  assertLocal(ADMIN_URL);
  installSignalHandlers();
  const name = `bench_${prefix}_${randomBytes(5).toString('hex')}`;
  await adminQuery(`create database ${name}`);
  const url = withDatabase(ADMIN_URL, name);
  const db = openPg(url, poolSize);
  const admin = new pg.Client({ connectionString: url });
  let dropped = false;
  const drop = async () => {
    if (dropped) return;
    dropped = true;
    cleanups.delete(drop);
    await db.close().catch(() => undefined);
    await admin.end().catch(() => undefined);
    await adminQuery(`drop database if exists ${name} with (force)`);
  };
  cleanups.add(drop);
  try {
    await admin.connect();
    await migrate(db);
    if (options.seed ?? true) await seedIfEmpty(db);
  } catch (error) {
    await drop();
    throw error;
  }
  return { name, url, db, admin, drop };
}

/** PostgreSQL settings worth recording next to the figures. */
export async function serverSettings(admin: pg.Client): Promise<Record<string, string>> {
  const { rows } = await admin.query<{ name: string; setting: string; unit: string | null }>(
    `select name, setting, unit from pg_settings
     where name in ('server_version', 'max_connections', 'shared_buffers', 'work_mem', 'synchronous_commit', 'fsync',
                    'max_parallel_workers_per_gather', 'random_page_cost', 'jit', 'effective_cache_size')
     order by name`,
  );
  return Object.fromEntries(rows.map((r) => [r.name, r.unit ? `${r.setting} (${r.unit})` : r.setting]));
}
