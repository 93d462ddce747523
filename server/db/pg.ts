// PostgreSQL over the network (`pg`): CI and self-hosting on a mainland server.
import pg from 'pg';
import { type Caller, type RpcArgs, type SqlDatabase, toDbError } from './database';
import { rpcStatement, SET_CALLER_SQL } from './rpc-sql';

export function openPg(connectionString: string, poolSize = 10): SqlDatabase {
  const pool = new pg.Pool({ connectionString, max: poolSize });
  // an idle client's error (server restart) must not crash the process
  pool.on('error', (error) => console.error('[db] idle client error:', error.message));
  return new PgDatabase(pool);
}

class PgDatabase implements SqlDatabase {
  readonly backend = 'pg' as const;
  constructor(private readonly pool: pg.Pool) {}

  async rpc<T>(fn: string, args: RpcArgs, caller: Caller): Promise<T> {
    const { text, values } = rpcStatement(fn, args);
    const client = await this.pool.connect();
    try {
      await client.query('begin');
      await client.query(SET_CALLER_SQL, [caller.role, JSON.stringify(caller.claims)]);
      const result = await client.query<{ result: T }>(text, values);
      await client.query('commit');
      return result.rows[0]!.result;
    } catch (error) {
      await client.query('rollback').catch(() => undefined);
      throw toDbError(error);
    } finally {
      client.release();
    }
  }

  async exec(sql: string): Promise<void> {
    const client = await this.pool.connect();
    try {
      await client.query(sql);
    } catch (error) {
      await client.query('rollback').catch(() => undefined);
      throw toDbError(error);
    } finally {
      client.release();
    }
  }

  async query<R extends Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<R[]> {
    try {
      return (await this.pool.query<R>(sql, params)).rows;
    } catch (error) {
      throw toDbError(error);
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
