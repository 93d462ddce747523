// Embedded PostgreSQL (PGlite, WASM) for `npm start` and for tests where no server runs.
// It is a single connection: every call runs inside db.transaction(), which queues.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { pgcrypto } from '@electric-sql/pglite/contrib/pgcrypto';
import { type Caller, type RpcArgs, type SqlDatabase, toDbError } from './database';
import { rpcStatement, SET_CALLER_SQL } from './rpc-sql';

/** Open (or create) an embedded database; no `dataDir` means in memory. */
export async function openPglite(dataDir?: string): Promise<SqlDatabase> {
  // PGlite creates its folder but not the folders above it (.data/ on a fresh clone)
  if (dataDir) mkdirSync(path.dirname(path.resolve(dataDir)), { recursive: true });
  const db = await PGlite.create({ dataDir, extensions: { pgcrypto, pg_trgm, btree_gist } });
  return new PgliteDatabase(db);
}

class PgliteDatabase implements SqlDatabase {
  readonly backend = 'pglite' as const;
  constructor(private readonly db: PGlite) {}

  async rpc<T>(fn: string, args: RpcArgs, caller: Caller): Promise<T> {
    const { text, values } = rpcStatement(fn, args);
    try {
      return await this.db.transaction(async (tx) => {
        await tx.query(SET_CALLER_SQL, [caller.role, JSON.stringify(caller.claims)]);
        const result = await tx.query<{ result: T }>(text, values);
        return result.rows[0]!.result;
      });
    } catch (error) {
      throw toDbError(error);
    }
  }

  async exec(sql: string): Promise<void> {
    try {
      await this.db.exec(sql);
    } catch (error) {
      // a failed script can leave its transaction open on this single connection
      await this.db.exec('rollback').catch(() => undefined);
      throw toDbError(error);
    }
  }

  async query<R extends Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<R[]> {
    try {
      return (await this.db.query<R>(sql, params)).rows;
    } catch (error) {
      throw toDbError(error);
    }
  }

  async close(): Promise<void> {
    if (!this.db.closed) await this.db.close();
  }
}
