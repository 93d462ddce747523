// Supabase (production on Vercel): the same SQL functions called through supabase-js rpc().
// Each call carries a short-lived JWT for the caller's role and claims, signed with the
// project's JWT secret, so PostgREST applies row-level security exactly as pg/PGlite do.
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import { SignJWT } from 'jose';
import WebSocket from 'ws';
import { type Caller, type Database, DbError, type RpcArgs, toDbError } from './database';

export interface SupabaseSettings {
  url: string;
  anonKey: string;
  jwtSecret: string;
}

export function openSupabase(settings: SupabaseSettings): Database {
  const client = createClient(settings.url, settings.anonKey, {
    auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
    // supabase-js ≥ 2.110 looks for a native WebSocket, which Node 20 lacks
    realtime: { transport: WebSocket as never },
  });
  return new SupabaseDatabase(client, new TextEncoder().encode(settings.jwtSecret));
}

const TOKEN_SECONDS = 60;

class SupabaseDatabase implements Database {
  readonly backend = 'supabase' as const;
  constructor(
    private readonly client: SupabaseClient,
    private readonly secret: Uint8Array,
  ) {}

  async rpc<T>(fn: string, args: RpcArgs, caller: Caller): Promise<T> {
    const token = await new SignJWT({ ...caller.claims, role: caller.role })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setIssuedAt()
      .setExpirationTime(`${TOKEN_SECONDS}s`)
      .sign(this.secret);
    const named = Object.fromEntries(Object.entries(args).filter(([, v]) => v !== undefined));
    const { data, error } = await this.client
      .rpc(fn, named)
      .setHeader('Authorization', `Bearer ${token}`);
    if (error) {
      const mapped = toDbError(error);
      if (mapped instanceof DbError) throw mapped;
      // no SQLSTATE: the request never reached the database (network, gateway)
      throw new DbError('08000', error.message || 'supabase unreachable');
    }
    return data as T;
  }

  async close(): Promise<void> {
    await this.client.removeAllChannels();
  }
}
