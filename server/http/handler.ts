// What an operation's handler gets and gives (./operation), and the small readers handlers
// use: the body, the query, the path id, the Idempotency-Key, the caller, zod validation, and
// the JSON error answer. Handlers stay thin: validate → call one service → return the result.
import { z } from 'zod';
import type { App } from '../app';
import { bearerToken, callerFromToken } from '../auth/tokens';
import type { ErrorBody } from '../contract/errors';
import { ANONYMOUS, type Caller } from '../db/database';
import { ApiError, apiError, toApiError } from '../core/errors';
import { validIdempotencyKey } from '../core/idempotency';
import { UUID_PATTERN } from '../core/request-fields';
import { logError } from '../core/log';

// field messages in plain Chinese
z.config(z.locales.zhCN());

/** What a handler reads of a request: the same on Vercel, on the local server and in tests. */
export interface ApiRequest {
  method?: string;
  url?: string;
  headers: Record<string, string | string[] | undefined>;
  /** the query string and the path parameters (`?a=1&a=2` gives an array) */
  query: Record<string, string | string[]>;
  /** parsed by content type when read: JSON (BAD_JSON when malformed), form, text, else the bytes */
  readonly body: unknown;
  cookies: Record<string, string>;
}

export interface RequestContext {
  req: ApiRequest;
  app: App;
  /** anonymous when no token was sent, or when the token was invalid or expired */
  caller: Caller;
  /** the request's time: the one clock reading handlers pass down */
  now: Date;
}

export interface Reply {
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** a file to download instead of a JSON body (e.g. the catalogue export) */
  file?: FileReply;
}

export interface FileReply {
  bytes: Buffer;
  contentType: string;
  /** may be Chinese: sent as RFC 6266 filename* with an ASCII fallback */
  filename: string;
}

export type MethodHandler = (ctx: RequestContext) => Promise<Reply>;

/**
 * The raw bytes of an upload sent as `application/octet-stream` (Vercel and the local server
 * both hand such a body over as a Buffer). Other content types are 415.
 */
export function rawBody(req: ApiRequest): Buffer {
  if (!/^application\/octet-stream\b/i.test(String(req.headers['content-type'] ?? ''))) throw apiError('UNSUPPORTED_MEDIA_TYPE');
  const body: unknown = req.body;
  if (body === undefined || body === null) return Buffer.alloc(0);
  if (Buffer.isBuffer(body)) return body;
  if (typeof body === 'string') return Buffer.from(body, 'latin1');
  throw apiError('UNSUPPORTED_MEDIA_TYPE');
}

// A stale token must not lock anyone out of public pages (or of logging in again): it only
// matters where a login is required.
export async function callerOf(app: App, header: string | undefined, now: Date): Promise<Caller> {
  try {
    const token = bearerToken(header);
    return token ? await callerFromToken(app.config.authSecret, token, now) : ANONYMOUS;
  } catch {
    return ANONYMOUS;
  }
}

/** The JSON error answer for any failure (5xx are logged with personal data masked). */
export function errorReply(error: unknown, context: string): { status: number; headers: Record<string, string>; body: ErrorBody } {
  const apiErr = toApiError(error);
  if (apiErr.status >= 500) logError(context, error);
  const body: ErrorBody = { error: { code: apiErr.code, message: apiErr.message } };
  if (apiErr.fields) body.error.fields = apiErr.fields;
  if (apiErr.details) body.error.details = apiErr.details;
  const headers: Record<string, string> = apiErr.status === 401 ? { 'WWW-Authenticate': 'Bearer' } : {};
  return { status: apiErr.status, headers, body };
}

/** Parse input with a zod schema; failures become 422 with a plain message per field. */
export function validate<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fields: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const key = issue.path.join('.') || '_';
    fields[key] ??= issue.message;
  }
  throw apiError('VALIDATION_FAILED', fields);
}

export function headerValue(req: ApiRequest, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

/** The caller must be logged in (a valid token); otherwise 401. */
export function requireLogin(ctx: RequestContext): Caller {
  if (ctx.caller.role !== 'authenticated') throw apiError('UNAUTHENTICATED');
  return ctx.caller;
}

/** The request's JSON body; a wrong content type is 415 and malformed JSON is 400. */
export function jsonBody(req: ApiRequest): unknown {
  if (!/^application\/json\b/i.test(String(req.headers['content-type'] ?? ''))) throw apiError('UNSUPPORTED_MEDIA_TYPE');
  try {
    return req.body;
  } catch {
    // Vercel's own body parser throws its own error type: same answer either way
    throw apiError('BAD_JSON');
  }
}

/** Like jsonBody, but an empty body is an empty object (for POSTs whose fields are all optional). */
export function optionalJsonBody(req: ApiRequest): unknown {
  const length = headerValue(req, 'content-length');
  const chunked = headerValue(req, 'transfer-encoding');
  if ((length === undefined || length === '0') && !chunked) return {};
  return jsonBody(req) ?? {};
}

/** The single value of a query parameter (`?a=1&a=2` keeps the first). */
export function queryValue(req: ApiRequest, name: string): string | undefined {
  const v = req.query[name];
  return Array.isArray(v) ? v[0] : v;
}

/** The query string as single values, ready for a zod schema. */
export function queryObject(req: ApiRequest): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of Object.keys(req.query)) {
    const v = queryValue(req, name);
    if (v !== undefined) out[name] = v;
  }
  return out;
}

/** A path id that must be a UUID; anything else is 400 INVALID_ID, never a database error. */
export function uuidParam(req: ApiRequest, name = 'id'): string {
  const v = queryValue(req, name) ?? '';
  if (!UUID_PATTERN.test(v)) throw apiError('INVALID_ID');
  return v.toLowerCase();
}

/** The Idempotency-Key header, required on the changes that declare `idempotent`; 400 when missing or malformed. */
export function idempotencyKey(req: ApiRequest): string {
  const key = validIdempotencyKey(headerValue(req, 'idempotency-key'));
  if (!key) throw apiError('IDEMPOTENCY_KEY_REQUIRED');
  return key;
}

/** The Idempotency-Key header where it is optional; a malformed one is still 400. */
export function optionalIdempotencyKey(req: ApiRequest): string | undefined {
  return headerValue(req, 'idempotency-key') === undefined ? undefined : idempotencyKey(req);
}

export { ApiError };
