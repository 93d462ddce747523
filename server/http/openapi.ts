// The OpenAPI 3.1 document of the HTTP API, served at /api/openapi.json, generated from the
// operations (./operation): request schemas from the zod schemas the handlers validate with
// (`z.toJSONSchema(schema, { io: 'input' })`), response schemas from the named contract shapes
// (server/contract, registered in `contracts`), error statuses and example messages from the
// error catalogue (server/core/errors): an operation lists only its own error codes.
import { z } from 'zod';
import packageJson from '../../package.json';
import { TOKEN_TTL_SECONDS } from '../auth/tokens';
import '../contract/errors';
import { contracts } from '../contract/registry';
import { apiError, isKnownErrorCode } from '../core/errors';
import { IDEMPOTENCY_KEY_PATTERN } from '../core/idempotency';
import type { Errors, Operation } from './operation';

type Json = Record<string, unknown>;

export interface OpenApiDocument {
  openapi: string;
  info: { title: string; version: string; description: string };
  servers: { url: string }[];
  tags: { name: string; description: string }[];
  paths: Record<string, Record<string, Json>>;
  components: {
    schemas: Record<string, Json>;
    parameters: Record<string, Json>;
    securitySchemes: Record<string, Json>;
  };
}

/** An operation as the document describes it: its ok schema already turned into JSON Schema. */
type DocumentedOperation = Omit<Operation, 'ok' | 'handle'> & { ok: Omit<Operation['ok'], 'schema'> & { schema: Json | null } };

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const uuid: Json = { type: 'string', format: 'uuid' };

const pathParameter = (name: string, what: string): Json => ({ name, in: 'path', required: true, description: `id of ${what} (UUID)`, schema: uuid });

/** JSON Schema of a zod schema as a client sends it (defaults optional, before transforms). */
function inputSchema(schema: z.ZodType): Json {
  const { $schema: _dialect, ...json } = z.toJSONSchema(schema, { io: 'input' }) as Json;
  return json;
}

/** Every registered contract shape as the server sends it, referring to each other by name. */
function responseSchemas(): Record<string, Json> {
  const { schemas } = z.toJSONSchema(contracts, { io: 'output', uri: (id) => `#/components/schemas/${id}` }) as { schemas: Record<string, Json> };
  for (const json of Object.values(schemas)) delete json.$schema;
  return schemas;
}

function responseRef(schema: z.ZodType, operationId: string): Json {
  const id = contracts.get(schema)?.id;
  if (!id) throw new Error(`openapi: the answer of ${operationId} is not a named contract shape (server/contract, named())`);
  return ref(id);
}


// ---------------------------------------------------------------------------------------
// Errors: which codes each operation can answer. Status and message come from the catalogue.

/** Example details for the messages that depend on them (the defaults of booking_rules). */
const EXAMPLE_DETAILS: Record<string, Record<string, unknown>> = {
  SLOT_RECENTLY_RELEASED: { minutes: 60 },
  WEEKLY_LIMIT_REACHED: { limit: 2 },
  MONTHLY_LIMIT_REACHED: { limit: 6 },
  BOOKING_RESTRICTED: { until: '2027-01-19T09:00:00+08:00', reason: 'NO_SHOWS' },
  CANCEL_TOO_LATE: { hours: 1 },
  INVALID_CASE_TRANSITION: { status: 'completed', action: 'reject' },
  UNDO_EXPIRED: { minutes: 2 },
  ALREADY_ACCEPTED: { caseId: '3f9c2a7e-5b1d-4e08-9a41-0c6d2b7f8e15' },
  SLOT_NOT_AVAILABLE: { reason: { code: 'HOLIDAY', text: '元旦放假' } },
};
const EXAMPLE_FIELDS: Record<string, Record<string, string>> = {
  VALIDATION_FAILED: { limit: '数值过大：期望 number <=100' },
};

/** When an error happens, in general; an operation may say it more precisely. */
const WHEN: Record<string, string> = {
  UNAUTHENTICATED: 'no token, or an Authorization header that is malformed, expired or not ours',
  INVALID_ID: 'the path id is not a UUID',
  BAD_JSON: 'the body is not valid JSON',
  UNSUPPORTED_MEDIA_TYPE: 'a body without `Content-Type: application/json`',
  PAYLOAD_TOO_LARGE: 'a body over 1 MB (MAX_BODY_BYTES; self-hosted server)',
  VALIDATION_FAILED: 'a query or body field is wrong: see `fields`',
  INTERNAL: 'a bug; logged on the server with personal data masked',
  UNAVAILABLE: 'the database cannot be reached; try again',
  IDEMPOTENCY_KEY_REQUIRED: 'no `Idempotency-Key` header, or not 8–100 characters of A–Z a–z 0–9 _ -',
  IDEMPOTENCY_KEY_REUSED: 'this key was used by the same user for a different request',
};


function errorsOf(op: DocumentedOperation): Errors {
  const errors: Errors = {};
  if (op.auth === 'required') errors.UNAUTHENTICATED = null;
  if (op.pathId) errors.INVALID_ID = null;
  if (op.idempotent) errors.IDEMPOTENCY_KEY_REQUIRED = null;
  if (op.body) Object.assign(errors, { PAYLOAD_TOO_LARGE: null, UNSUPPORTED_MEDIA_TYPE: null, BAD_JSON: null });
  if (op.query || op.body) errors.VALIDATION_FAILED = null;
  if (op.idempotent) errors.IDEMPOTENCY_KEY_REUSED = null;
  Object.assign(errors, op.errors, { INTERNAL: null, UNAVAILABLE: null });
  return errors;
}

function errorExample(code: string): Json {
  const e = apiError(code, EXAMPLE_FIELDS[code], EXAMPLE_DETAILS[code]);
  const body: Json = { code: e.code, message: e.message };
  if (e.fields) body.fields = e.fields;
  if (e.details) body.details = e.details;
  return { error: body };
}

function statusOf(code: string): number {
  if (!isKnownErrorCode(code)) throw new Error(`openapi: ${code} is not in the error catalogue (server/http/errors.ts)`);
  return apiError(code).status;
}

function errorResponses(errors: Errors): Record<string, Json> {
  const byStatus = new Map<number, string[]>();
  for (const code of Object.keys(errors)) byStatus.set(statusOf(code), [...(byStatus.get(statusOf(code)) ?? []), code]);
  const out: Record<string, Json> = {};
  for (const [status, codes] of [...byStatus].sort(([a], [b]) => a - b)) {
    const response: Json = {
      description: codes.map((c) => `\`${c}\`: ${errors[c] ?? WHEN[c] ?? apiError(c).message}`).join('; '),
      content: {
        'application/json': {
          schema: {
            allOf: [ref('ErrorBody'), { type: 'object', properties: { error: { type: 'object', properties: { code: { enum: codes } } } } }],
          },
          examples: Object.fromEntries(codes.map((c) => [c, { summary: apiError(c).message, value: errorExample(c) }])),
        },
      },
    };
    if (status === 401) response.headers = { 'WWW-Authenticate': { description: 'always `Bearer`', schema: { const: 'Bearer' } } };
    out[String(status)] = response;
  }
  return out;
}

function errorList(errors: Errors): string {
  const codes = Object.keys(errors).sort((a, b) => statusOf(a) - statusOf(b));
  const lines = codes.map((c) => `- ${statusOf(c)} \`${c}\`: ${errors[c] ?? WHEN[c] ?? ''} — ${apiError(c, undefined, EXAMPLE_DETAILS[c]).message}`);
  return `\n\n**Errors / 错误码**\n${lines.join('\n')}`;
}

// ---------------------------------------------------------------------------------------

function queryParameters(q: NonNullable<DocumentedOperation['query']>): Json[] {
  const json = inputSchema(q.schema) as { properties?: Record<string, Json>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, schema]) => {
    const description = q.describe[name];
    if (description === undefined) throw new Error(`openapi: query parameter ${name} has no description`);
    return { name, in: 'query', required: json.required?.includes(name) ?? false, description, schema };
  });
}

function operationObject(op: DocumentedOperation, bodyRef: string | undefined): Json {
  const errors = errorsOf(op);
  const parameters: Json[] = [];
  if (op.pathId) parameters.push(pathParameter('id', op.pathId));
  for (const [name, what] of Object.entries(op.pathParams ?? {})) parameters.push(pathParameter(name, what));
  if (op.idempotent) parameters.push({ $ref: '#/components/parameters/IdempotencyKey' });
  if (op.query) parameters.push(...queryParameters(op.query));
  if (op.extraParameters) parameters.push(...op.extraParameters);
  // JSON, one other content type (a staff photo), or files in several formats (the catalogue export)
  const ok: Json = {
    description: op.ok.description,
    content: op.ok.files
      ? Object.fromEntries(op.ok.files.map((type) => [type, { schema: { type: 'string', format: 'binary' } }]))
      : { [op.ok.contentType ?? 'application/json']: { schema: op.ok.schema ?? { type: 'string', format: 'binary' } } },
  };
  if (op.ok.headers) ok.headers = op.ok.headers;
  const out: Json = {
    operationId: op.operationId,
    tags: op.tags,
    summary: op.summary,
    description: op.description + errorList(errors),
    security: op.auth === 'required' ? [{ bearerAuth: [] }] : op.auth === 'cron' ? [{ cronSecret: [] }] : [],
    parameters,
    responses: { [String(op.ok.status)]: ok, ...errorResponses(errors) },
    'x-error-codes': Object.keys(errors),
  };
  if (bodyRef && op.body) {
    out.requestBody = { required: op.body.required, content: { 'application/json': { schema: ref(bodyRef) } } };
  }
  if (op.upload) {
    out.requestBody = {
      required: true,
      description: op.upload.description,
      content: { [op.upload.contentType]: { schema: { type: 'string', format: 'binary' } } },
    };
  }
  if (parameters.length === 0) delete out.parameters;
  return out;
}

const listOf = (ops: readonly Operation[]) => ops.map((op) => `${op.method.toUpperCase()} ${op.path}`).join(', ');
const takesOptionalKey = (op: Operation) => (op.extraParameters ?? []).some((p) => p.name === 'Idempotency-Key');

const description = (operations: readonly Operation[]) => `便民服务: township service centres (乡镇便民服务中心) of a county — the catalogue of items (办事指南), booking a slot, and the window staff's check-in.

JSON over HTTPS, camelCase. Times are ISO 8601 in Asia/Shanghai (\`+08:00\`); dates are \`YYYY-MM-DD\` in Shanghai; time limits are in working days.

**Errors.** Every error is \`{ "error": { "code", "message", "fields"?, "details"? } }\`: a stable code and one plain Chinese sentence that can be shown as is. Each operation lists its codes (also in \`x-error-codes\`). Any route: a method it does not have is 405 \`METHOD_NOT_ALLOWED\` with an \`Allow\` header; any other \`/api/…\` path is 404 \`NOT_FOUND\`.

**Authentication.** \`Authorization: Bearer <token>\`: our own signed token (HS256), valid ${TOKEN_TTL_SECONDS / 86400} days, from the WeChat login, the staff password login (or the development login, refused in production). Routes that need a login answer 401 \`UNAUTHENTICATED\` with \`WWW-Authenticate: Bearer\` to a missing, malformed, expired or foreign token. Public routes (and the logins) treat such a token as no token, so a stale token never locks anyone out of the guide or of logging in again. A staff account that must still change its initial password gets 403 \`PASSWORD_CHANGE_REQUIRED\` from the routes that act for it (they list the code) until it has changed it. What an account may do is decided by the database on every call.

**Idempotency-Key.** Required on ${listOf(operations.filter((op) => op.idempotent))}; optional on ${listOf(operations.filter(takesOptionalKey))}. The key: a fresh random key per user action (8–100 characters of A–Z a–z 0–9 _ -), reused on retries. A retry with the same key returns the first successful answer without doing it twice; the same key with a different request is 422 \`IDEMPOTENCY_KEY_REUSED\`. Keys are per user. A request that failed is not remembered: retrying it runs it again.`;

/** The OpenAPI 3.1 document of the given operations (the router's, see ./operations). */
export function buildOpenApi(operations: readonly Operation[] = []): OpenApiDocument {
  const schemas: Record<string, Json> = responseSchemas();
  const paths: OpenApiDocument['paths'] = {};
  const add = (path: string, method: string, op: Json) => {
    paths[path] ??= {};
    if (paths[path]![method]) throw new Error(`openapi: ${method.toUpperCase()} ${path} is declared twice`);
    paths[path]![method] = op;
  };
  for (const op of operations) {
    if (op.body) {
      const body = inputSchema(op.body.schema);
      if (schemas[op.body.name] && JSON.stringify(schemas[op.body.name]) !== JSON.stringify(body)) {
        throw new Error(`openapi: two different schemas are named ${op.body.name}`);
      }
      schemas[op.body.name] = body;
    }
    add(op.path, op.method, operationObject({ ...op, ok: { ...op.ok, schema: op.ok.schema ? responseRef(op.ok.schema, op.operationId) : null } }, op.body?.name));
  }
  return {
    openapi: '3.1.1',
    info: { title: '便民服务 API', version: packageJson.version, description: description(operations) },
    servers: [{ url: '/' }],
    tags: [
      { name: 'catalogue', description: '办事指南: centres, items, materials (no login)' },
      { name: 'booking', description: '预约: availability, book, cancel, reschedule' },
      { name: 'staff', description: '窗口: verify codes, check in, walk-in tickets, confirm or decline bookings' },
      { name: 'cases', description: '办件 and 好差评: accept, 补正, 上报, 办结, 不予受理, undo; ratings' },
      { name: 'queue', description: '叫号: the day\'s queue, call next, recall, 过号, put back, undo' },
      { name: 'auth', description: '登录与账号' },
      { name: 'jobs', description: 'scheduled jobs (CRON_SECRET)' },
      { name: 'manage', description: '中心设置: hours, windows, items, capacity, closures, rules, staff on duty (managers, county admins)' },
      { name: 'accounts', description: '账号管理: staff accounts and the audit log (admins, managers)' },
      { name: 'catalogue-admin', description: '目录管理 (county admins): items, materials, bundles, departments, spreadsheet import and export' },
      { name: 'notifications', description: '消息: the inbox, unread counts, notification channels (WeChat, SMS, quiet hours)' },
      { name: 'admin', description: '县级管理: notification delivery and dead letters (county admins)' },
      { name: 'system', description: 'health and this document' },
    ],
    paths,
    components: {
      schemas,
      parameters: {
        IdempotencyKey: {
          name: 'Idempotency-Key',
          in: 'header',
          required: true,
          description: 'A fresh random key per user action, reused on retries. Per user: the same key with a different request is 422 IDEMPOTENCY_KEY_REUSED.',
          schema: { type: 'string', pattern: IDEMPOTENCY_KEY_PATTERN.source, examples: ['3f9c2a7e-5b1d-4e08-9a41-0c6d2b7f8e15'] },
        },
      },
      securitySchemes: {
        bearerAuth: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description: `Our own signed token (HS256, AUTH_SECRET) from the login, valid ${TOKEN_TTL_SECONDS / 86400} days.`,
        },
        cronSecret: {
          type: 'http',
          scheme: 'bearer',
          description: 'The scheduler\'s shared secret: `Authorization: Bearer <CRON_SECRET>` (Vercel Cron sends it when CRON_SECRET is set).',
        },
      },
    },
  };
}
