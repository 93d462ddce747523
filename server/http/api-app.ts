// The one router: every operation (./operations) on a Hono app. Vercel deploys it as one
// function (api/index.ts); the local and self-hosted server mounts the same app (./server).
// Per request: method and path → the operation; the body read within its limit; the app opened
// once per process; the caller from the token; the handler; the reply or the JSON error.
import { gzipSync } from 'node:zlib';
import { Hono, type Context } from 'hono';
import { getApp, type App } from '../app';
import { explainRefusal } from '../auth/account-state';
import { apiError } from '../core/errors';
import { ANONYMOUS, type Caller } from '../db/database';
import { type ApiRequest, callerOf, errorReply, type FileReply, headerValue, type Reply } from './handler';
import type { Operation } from './operation';
import { buildOpenApi } from './openapi';
import { kickDispatch } from '../notifications/notifier';

export interface ApiAppOptions {
  /** the largest request body an operation accepts unless it says otherwise (bytes) */
  maxBodyBytes: number;
}

// JSON and text bigger than this are gzipped when the client accepts it.
const GZIP_FROM_BYTES = 1024;

/** The app's own document: the OpenAPI of the operations it serves. */
function openApiOperation(operations: readonly Operation[]): Operation {
  let doc: ReturnType<typeof buildOpenApi> | undefined;
  return {
    method: 'get',
    path: '/api/openapi.json',
    operationId: 'getOpenApi',
    tags: ['system'],
    summary: 'This document · 接口文档',
    description: 'The OpenAPI 3.1 document of this API. Cached for 5 minutes.',
    auth: 'none',
    ok: { status: 200, description: 'the document', schema: null, contentType: 'application/json', headers: { 'Cache-Control': { schema: { const: 'public, max-age=300' } } } },
    errors: {},
    handle: async () => {
      doc ??= buildOpenApi(allOf(operations));
      return { body: doc, headers: { 'Cache-Control': 'public, max-age=300' } };
    },
  };
}

/** The operations plus the document of them all. */
export function allOf(operations: readonly Operation[]): Operation[] {
  return operations.some((op) => op.operationId === 'getOpenApi') ? [...operations] : [...operations, openApiOperation(operations)];
}

/** Static segments before `{params}`, segment by segment: /api/bookings/check-in before /api/bookings/{id}. */
function bySpecificity(a: string, b: string): number {
  const sa = a.split('/');
  const sb = b.split('/');
  for (let i = 0; i < Math.max(sa.length, sb.length); i++) {
    const x = sa[i];
    const y = sb[i];
    if (x === undefined || y === undefined) return x === undefined ? -1 : 1;
    const d = Number(x.startsWith('{')) - Number(y.startsWith('{'));
    if (d !== 0) return d;
  }
  return 0;
}

export function createApiApp(operations: readonly Operation[], options: ApiAppOptions): Hono {
  const app = new Hono();
  const ops = allOf(operations);
  const byPath = new Map<string, Operation[]>();
  for (const op of ops) byPath.set(op.path, [...(byPath.get(op.path) ?? []), op]);
  for (const path of [...byPath.keys()].sort(bySpecificity)) {
    const honoPath = path.replace(/\{(\w+)\}/g, ':$1');
    const here = byPath.get(path)!;
    for (const op of here) app.on(op.method.toUpperCase(), honoPath, (c) => run(op, c, options));
    const allowed = here.map((op) => op.method.toUpperCase()).join(', ');
    // the body limit holds before the method is looked at, as for any request to a route
    app.all(honoPath, async (c) => {
      if ((await readBody(c.req.raw, options.maxBodyBytes)) === null) return respondError(c, apiError('PAYLOAD_TOO_LARGE'), { Connection: 'close' });
      return respondError(c, apiError('METHOD_NOT_ALLOWED'), { Allow: allowed });
    });
  }
  app.all('*', (c) => respondError(c, apiError('NOT_FOUND')));
  app.onError((error, c) => respondError(c, error));
  return app;
}

async function run(op: Operation, c: Context, options: ApiAppOptions): Promise<Response> {
  let app: App | undefined;
  let caller: Caller = ANONYMOUS;
  try {
    const raw = await readBody(c.req.raw, op.maxBodyBytes ?? options.maxBodyBytes);
    if (raw === null) return respondError(c, apiError('PAYLOAD_TOO_LARGE'), { Connection: 'close' });
    const req = apiRequest(c, raw);
    app = await getApp();
    const now = app.clock ? app.clock() : new Date();
    // the cron job's Authorization header is its secret, not a token
    caller = op.auth === 'cron' ? ANONYMOUS : await callerOf(app, headerValue(req, 'authorization'), now);
    const reply = await op.handle({ req, app, caller, now });
    // a change may have written notifications: send them now rather than at the next timer
    if (op.method !== 'get' && app.config.notifications.dispatchAfterChange) void kickDispatch(app);
    return respond(c, reply);
  } catch (error) {
    // an account that must change its password first is told so, whatever the route
    const explained = app ? await explainRefusal(app, caller, error) : error;
    return respondError(c, explained);
  }
}

function apiRequest(c: Context, raw: Buffer): ApiRequest {
  const url = new URL(c.req.url);
  const query: Record<string, string | string[]> = {};
  for (const key of new Set(url.searchParams.keys())) {
    const all = url.searchParams.getAll(key);
    query[key] = all.length === 1 ? all[0]! : all;
  }
  Object.assign(query, c.req.param());
  const headers: Record<string, string> = {};
  c.req.raw.headers.forEach((value, name) => {
    headers[name] = value;
  });
  let parsed: { value: unknown } | undefined;
  return {
    method: c.req.method,
    url: url.pathname + url.search,
    headers,
    query,
    cookies: parseCookies(headers.cookie ?? ''),
    get body() {
      parsed ??= { value: parseBody(headers['content-type'] ?? '', raw) };
      return parsed.value;
    },
  };
}

/** The whole body, or null when it is larger than the limit (with or without a Content-Length). */
async function readBody(request: Request, limit: number): Promise<Buffer | null> {
  if (Number(request.headers.get('content-length') ?? 0) > limit) return null;
  if (!request.body) return Buffer.alloc(0);
  const chunks: Buffer[] = [];
  let size = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(Buffer.from(value));
  }
  return Buffer.concat(chunks);
}

// JSON, form and text bodies are parsed; invalid JSON throws on access (BAD_JSON).
export function parseBody(contentType: string, raw: Buffer): unknown {
  if (raw.length === 0) return undefined;
  const type = contentType.split(';')[0]!.trim().toLowerCase();
  if (type === 'application/json') {
    try {
      return JSON.parse(raw.toString('utf8'));
    } catch {
      throw apiError('BAD_JSON');
    }
  }
  if (type === 'application/x-www-form-urlencoded') return Object.fromEntries(new URLSearchParams(raw.toString('utf8')));
  if (type.startsWith('text/')) return raw.toString('utf8');
  return raw;
}

export function parseCookies(header: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of header.split(';')) {
    const i = part.indexOf('=');
    if (i < 1) continue;
    const name = part.slice(0, i).trim();
    try {
      out[name] = decodeURIComponent(part.slice(i + 1).trim());
    } catch {
      out[name] = part.slice(i + 1).trim();
    }
  }
  return out;
}

function respond(c: Context, reply: Reply): Response {
  const status = reply.status ?? 200;
  const headers = new Headers(reply.headers ?? {});
  // a download (the catalogue export); binary bodies (a staff photo) and 304 Not Modified as they are
  if (reply.file) return fileResponse(c, status, reply.file, headers);
  if (status === 304) return new Response(null, { status, headers });
  if (Buffer.isBuffer(reply.body)) return bytesResponse(c, status, reply.body, headers);
  if (!headers.has('Content-Type')) headers.set('Content-Type', 'application/json; charset=utf-8');
  return bytesResponse(c, status, Buffer.from(JSON.stringify(reply.body ?? null), 'utf8'), headers);
}

function respondError(c: Context, error: unknown, extra: Record<string, string> = {}): Response {
  const reply = errorReply(error, `${c.req.method} ${new URL(c.req.url).pathname}`);
  return respond(c, { status: reply.status, body: reply.body, headers: { ...reply.headers, ...extra } });
}

function fileResponse(c: Context, status: number, file: FileReply, headers: Headers): Response {
  const ascii = file.filename.replace(/[^A-Za-z0-9._-]+/g, '').replace(/^[._-]+/, '') || 'download';
  headers.set('Content-Type', file.contentType);
  headers.set('Content-Disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`);
  // personal to the admin's county and changing with every edit
  headers.set('Cache-Control', 'private, no-store');
  return bytesResponse(c, status, file.bytes, headers);
}

function isCompressible(contentType: string): boolean {
  return /^(text\/|application\/(json|javascript|xml))/i.test(contentType);
}

// Text that compresses (JSON, a CSV export) is gzipped; zip-based files (XLSX) and images are not.
function bytesResponse(c: Context, status: number, bytes: Buffer, headers: Headers): Response {
  const acceptsGzip = /\bgzip\b/.test(c.req.header('accept-encoding') ?? '');
  if (acceptsGzip && bytes.length >= GZIP_FROM_BYTES && isCompressible(headers.get('Content-Type') ?? '')) {
    headers.set('Content-Encoding', 'gzip');
    headers.set('Vary', 'Accept-Encoding');
    bytes = gzipSync(bytes);
  }
  headers.set('Content-Length', String(bytes.length));
  return new Response(new Uint8Array(bytes), { status, headers });
}
