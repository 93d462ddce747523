// A stand-in for Supabase's PostgREST on 127.0.0.1 that speaks its rpc protocol
// (POST /rest/v1/rpc/<fn>, apikey + bearer JWT, errors as { code, message, details, hint })
// and runs each call on a real database as the JWT's role, so the supabase-js adapter is
// tested end to end: its requests, its responses and its error mapping.
import { createServer, type IncomingHttpHeaders } from 'node:http';
import { jwtVerify } from 'jose';
import { type Caller, type Database, DbError } from '../../server/db/database';
import { listen } from '../../server/http/server';

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: unknown;
}

export interface FakePostgrest {
  url: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

const ROLES = new Set(['anon', 'authenticated', 'service_role']);

export async function startFakePostgrest(db: Database, opts: { anonKey: string; jwtSecret: string }): Promise<FakePostgrest> {
  const secret = new TextEncoder().encode(opts.jwtSecret);
  const requests: RecordedRequest[] = [];
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify(body));
    };
    let body: unknown;
    try {
      body = raw ? JSON.parse(raw) : {};
    } catch {
      return send(400, { code: 'PGRST102', message: 'Empty or invalid json', details: null, hint: null });
    }
    const path = (req.url ?? '').split('?')[0]!;
    requests.push({ method: req.method ?? '', path, headers: req.headers, body });

    if (req.headers.apikey !== opts.anonKey) {
      return send(401, { message: 'Invalid API key', hint: 'Double check your Supabase `anon` or `service_role` API key.' });
    }
    const match = /^\/rest\/v1\/rpc\/([a-z_][a-z0-9_]*)$/.exec(path);
    if (req.method !== 'POST' || !match) {
      return send(404, { code: 'PGRST125', message: `Invalid path specified in request URL`, details: null, hint: null });
    }
    let caller: Caller;
    try {
      const token = String(req.headers.authorization ?? '').replace(/^Bearer /, '');
      const { payload } = await jwtVerify(token, secret);
      if (typeof payload.role !== 'string' || !ROLES.has(payload.role)) throw new Error('role');
      caller = { role: payload.role as Caller['role'], claims: payload as Record<string, unknown> };
    } catch {
      return send(401, { code: 'PGRST301', message: 'JWSError JWSInvalidSignature', details: null, hint: null });
    }
    try {
      const result = await db.rpc(match[1]!, body as Record<string, string>, caller);
      send(200, result);
    } catch (error) {
      if (!(error instanceof DbError)) return send(500, { code: 'XX000', message: String(error), details: null, hint: null });
      if (error.sqlState === '42883') {
        return send(404, { code: 'PGRST202', message: `Could not find the function public.${match[1]}`, details: null, hint: null });
      }
      send(statusFor(error.sqlState), { code: error.sqlState, message: error.message, details: error.detail, hint: error.hint });
    }
  });
  const port = await listen(server, 0, '127.0.0.1');
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

// PostgREST's documented SQLSTATE → HTTP status mapping (the part our functions can raise).
function statusFor(state: string): number {
  if (state === '42501') return 403;
  if (state === '23505' || state === '23503') return 409;
  if (state.startsWith('08')) return 503;
  if (state === 'P0001' || state.startsWith('22') || state.startsWith('23')) return 400;
  return 500;
}
