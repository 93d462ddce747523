// The one interface every data backend implements: call a SQL function as a caller.
// Invariants and permissions live in those functions and in row-level security, so the
// three backends (PGlite, pg, supabase-js) behave the same by construction.
import type { Backend } from '../config/config';

/** The database role a call runs as (Supabase's roles), with the token claims RLS reads. */
export type DbRole = 'anon' | 'authenticated' | 'service_role';

export interface Caller {
  role: DbRole;
  claims: Record<string, unknown>;
}

export const ANONYMOUS: Caller = Object.freeze({ role: 'anon', claims: {} }) as Caller;

export type RpcArgs = Record<string, string | number | boolean | null | undefined | object>;

export interface Database {
  readonly backend: Backend;
  /** Call `public.<fn>` with named arguments as `caller`; resolves to its JSON result. */
  rpc<T>(fn: string, args: RpcArgs, caller: Caller): Promise<T>;
  close(): Promise<void>;
}

/** A backend that also runs plain SQL: used by migrations, seeding and database tests. */
export interface SqlDatabase extends Database {
  readonly backend: 'pglite' | 'pg';
  exec(sql: string): Promise<void>;
  query<R extends Record<string, unknown>>(sql: string, params?: unknown[]): Promise<R[]>;
}

/** A database error, normalised across backends (PostgreSQL's fields, PostgREST's names). */
export class DbError extends Error {
  override name = 'DbError';
  constructor(
    /** SQLSTATE, e.g. P0001 for our domain errors, 22P02 for bad input syntax */
    readonly sqlState: string,
    message: string,
    readonly detail: string | null = null,
    readonly hint: string | null = null,
  ) {
    super(message);
  }
}

interface PgLikeError {
  code?: unknown;
  message?: unknown;
  detail?: unknown;
  details?: unknown;
  hint?: unknown;
}

/** Turn a pg / PGlite / PostgREST error object into a DbError; anything else is rethrown as is. */
export function toDbError(error: unknown): DbError | unknown {
  if (error instanceof DbError) return error;
  if (typeof error !== 'object' || error === null) return error;
  const e = error as PgLikeError;
  if (typeof e.code !== 'string' || !/^[0-9A-Z]{5}$|^PGRST\d+$/.test(e.code)) return error;
  const text = (v: unknown) => (typeof v === 'string' && v !== '' ? v : null);
  return new DbError(e.code, typeof e.message === 'string' ? e.message : e.code, text(e.detail ?? e.details), text(e.hint));
}
