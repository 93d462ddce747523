// A fresh, migrated and seeded database for one test file: a new database on the real
// PostgreSQL when TEST_DATABASE_URL names a server (CI), else embedded PGlite in memory.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { SqlDatabase } from '../../server/db/database';
import { migrate } from '../../server/db/migrations';
import { openPg } from '../../server/db/pg';
import { openPglite } from '../../server/db/pglite';
import { seedIfEmpty } from '../../server/db/seed';

export interface TestDatabase {
  db: SqlDatabase;
  /** connection string of the fresh database (real server only) */
  url?: string;
  drop(): Promise<void>;
}

export const serverUrl = process.env.TEST_DATABASE_URL;

/** `migrate: false` gives an empty database (nothing applied, so nothing seeded either). */
export async function createTestDatabase(options: { seed?: boolean; migrate?: boolean } = {}): Promise<TestDatabase> {
  const migrated = options.migrate ?? true;
  const seed = migrated && (options.seed ?? true);
  if (!serverUrl) {
    const db = await openPglite();
    if (migrated) await migrate(db);
    if (seed) await seedIfEmpty(db);
    return { db, drop: () => db.close() };
  }
  const name = `bianmin_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(`create database ${name}`);
  const url = withDatabase(serverUrl, name);
  const db = openPg(url, 20);
  if (migrated) await migrate(db);
  if (seed) await seedIfEmpty(db);
  return {
    db,
    url,
    drop: async () => {
      await db.close();
      await adminQuery(`drop database if exists ${name} with (force)`);
    },
  };
}

async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/** Say clearly, once per file, which database the tests ran on. */
export function describeBackend(): string {
  return serverUrl ? `PostgreSQL server (${new URL(serverUrl).host})` : 'embedded PGlite (no TEST_DATABASE_URL)';
}
