// The OpenAPI 3.1 document of the HTTP API, served at /api/openapi.json.
//
// Request schemas are derived from the zod schemas the handlers validate with
// (`z.toJSONSchema(schema, { io: 'input' })`), so they cannot drift. Response schemas are the
// JSON Schema form of the types in server/contract/*.ts, written once below (SCHEMAS). Error
// statuses and example messages come from the error catalogue (./errors): an operation lists
// only its error codes. server/http/openapi.test.ts fails when a route file under api/ has no
// path here, when the methods differ, or when a code is not in the catalogue.
import { z } from 'zod';
import packageJson from '../../package.json';
import { devLoginBody } from '../auth/dev-login';
import { TOKEN_TTL_SECONDS } from '../auth/tokens';
import { bookingBody, cancelBody, codeQuery, availabilityQuery, rescheduleBody } from '../booking/booking-requests';
import { MAX_AVAILABILITY_DAYS } from '../booking/booking-service';
import { centerQuery, facetQuery, itemQuery } from '../catalogue/catalogue-queries';
import { apiError, isKnownErrorCode } from './errors';

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

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const nullable = (schema: Json): Json => ({ ...schema, type: [schema.type as string, 'null'] });
const nullableRef = (name: string): Json => ({ anyOf: [ref(name), { type: 'null' }] });
const arrayOf = (items: Json): Json => ({ type: 'array', items });

const uuid: Json = { type: 'string', format: 'uuid' };
const text: Json = { type: 'string' };
const int: Json = { type: 'integer' };
const bool: Json = { type: 'boolean' };
/** an instant as ISO 8601 in Shanghai time, e.g. 2026-12-01T09:30:00+08:00 */
const instant: Json = { type: 'string', format: 'date-time', examples: ['2026-12-01T09:30:00+08:00'] };
const date: Json = { type: 'string', format: 'date', examples: ['2026-12-01'] };
const enumOf = (values: readonly string[], description?: string): Json => ({ type: 'string', enum: [...values], ...(description ? { description } : {}) });

/** An object whose listed properties are all present (null where the type allows it). */
function object(properties: Record<string, Json>, description?: string): Json {
  return { type: 'object', ...(description ? { description } : {}), properties, required: Object.keys(properties) };
}

/** `interface B extends A`: A's properties plus B's, flattened (code generators handle it best). */
function extend(base: Json, properties: Record<string, Json>, description?: string): Json {
  const merged = { ...(base.properties as Record<string, Json>), ...properties };
  return object(merged, description ?? (base.description as string | undefined));
}

/** JSON Schema of a zod schema as a client sends it (defaults optional, before transforms). */
function inputSchema(schema: z.ZodType): Json {
  const { $schema: _dialect, ...json } = z.toJSONSchema(schema, { io: 'input' }) as Json;
  return json;
}

// ---------------------------------------------------------------------------------------
// Response shapes: server/contract/catalogue.ts, server/contract/booking.ts, and the few
// shapes that have no contract type yet (account, tickets, the no-show job).

const BOOKING_STATUSES = ['booked', 'confirmed', 'checked_in', 'completed', 'cancelled', 'declined', 'no_show'] as const;
const CLOSED_REASONS = ['HOLIDAY', 'WEEKEND', 'NOT_OPEN_THIS_DAY', 'CLOSURE', 'PAST', 'NOT_YET_OPEN', 'NO_CAPACITY', 'FULL'] as const;
const EVENT_KINDS = ['booked', 'rescheduled', 'cancelled', 'confirmed', 'declined', 'checked_in', 'no_show', 'completed'] as const;
const APP_ROLES = ['resident', 'staff', 'manager', 'admin', 'agent'] as const;

const centerRef = object({ id: uuid, name: text, kind: enumOf(['center', 'station'], 'center 便民服务中心 | station 便民服务站') });
const centerSummary = extend(centerRef, {
  countyCode: { type: 'string', pattern: '^[0-9]{6}$', description: 'county division code (县级行政区划代码)' },
  township: text,
  address: text,
  phone: { type: 'string', description: "the centre's public service phone" },
  isSample: { type: 'boolean', description: 'true for invented demo data' },
  parentCenterId: nullable({ ...uuid, description: "a station's centre" }),
  itemCount: int,
});
const itemSummary = object({
  id: uuid,
  code: text,
  name: text,
  category: enumOf(['permit', 'confirmation', 'public_service', 'convenience', 'other_power'], '事项类型: 行政许可, 行政确认, 公共服务, 便民服务, 其他行权事项'),
  categoryLabel: text,
  department: ref('DepartmentRef'),
  handlingMode: enumOf(['immediate', 'commitment', 'joint', 'report_up', 'online'], '办理方式: 即办, 承诺办, 联合办理, 上报协办, 网上办'),
  handlingModeLabel: text,
  legalDays: { ...int, description: '法定办结时限, working days' },
  promisedDays: { ...int, description: '承诺办结时限, working days (0 = 即办)' },
  isSample: bool,
});
const booking = object(
  {
    id: uuid,
    code: { type: 'string', pattern: '^[2-9A-HJ-NP-Z]{8}$', description: 'the 8-character booking code (预约码) a resident can read out' },
    qrPayload: { type: 'string', description: 'what the QR code encodes: BMFW1.<code>.<server signature>; checked by staff' },
    status: enumOf(BOOKING_STATUSES),
    slotStart: instant,
    slotEnd: instant,
    centerId: uuid,
    centerName: text,
    itemId: uuid,
    itemName: text,
    windowName: { type: 'string', description: 'the window (窗口) the seat belongs to' },
    applicant: { ...object({ id: uuid, name: text }), description: 'who the booking is for; the name is masked (王*英) in staff answers' },
    bookedVia: enumOf(['self', 'family', 'agent', 'staff']),
    statusReason: nullable({ type: 'string', description: 'the reason given when cancelled or declined' }),
    createdAt: instant,
    cancelledAt: nullable(instant),
    checkedInAt: nullable(instant),
  },
  'A booking (预约). Times are ISO 8601 in Shanghai time (+08:00).',
);
const account = object({
  id: uuid,
  role: enumOf(APP_ROLES),
  displayName: text,
  centerId: nullable({ ...uuid, description: 'staff and managers: their centre' }),
  countyCode: nullable({ type: 'string', description: 'admins: their county' }),
});

const SCHEMAS: Record<string, Json> = {
  ErrorBody: {
    type: 'object',
    description: 'Every error: a stable machine code and one plain Chinese sentence that can be shown as is.',
    properties: {
      error: {
        type: 'object',
        properties: {
          code: { type: 'string', description: 'stable machine code (see each operation)' },
          message: { type: 'string', description: 'plain Chinese, for the resident' },
          fields: { type: 'object', additionalProperties: { type: 'string' }, description: 'VALIDATION_FAILED: a message per field (`_` = the whole body)' },
          details: { type: 'object', additionalProperties: true, description: 'machine-readable context, e.g. `{ until }` of BOOKING_RESTRICTED, `{ limit }` of a cap' },
        },
        required: ['code', 'message'],
      },
    },
    required: ['error'],
  },
  Health: object({
    status: { const: 'ok' },
    backend: enumOf(['pglite', 'pg', 'supabase']),
    migration: nullable({ type: 'string', description: 'latest applied migration version' }),
    mode: enumOf(['development', 'production']),
  }),
  CenterRef: centerRef,
  CenterSummary: centerSummary,
  CenterList: object({ centers: arrayOf(ref('CenterSummary')) }),
  OpeningSession: object({
    weekday: { type: 'integer', minimum: 1, maximum: 7, description: 'ISO weekday, Monday = 1' },
    opens: { type: 'string', pattern: '^[0-9]{2}:[0-9]{2}$', examples: ['08:30'] },
    closes: { type: 'string', pattern: '^[0-9]{2}:[0-9]{2}$', examples: ['12:00'] },
  }),
  CenterDetail: extend(centerSummary, {
    openingHours: arrayOf(ref('OpeningSession')),
    scheduleNote: nullable({ type: 'string', description: 'e.g. market days of a station (逢农历三、六、九赶场日开放)' }),
    parent: nullableRef('CenterRef'),
    stations: arrayOf(ref('CenterRef')),
  }),
  DepartmentRef: object({ code: text, name: text }),
  ItemSummary: itemSummary,
  ItemPage: object({ total: int, limit: int, offset: int, rows: arrayOf(ref('ItemSummary')) }),
  Material: object({
    id: uuid,
    position: int,
    name: text,
    form: enumOf(['original', 'copy', 'original_and_copy', 'electronic']),
    formLabel: text,
    copies: int,
    requirement: enumOf(['required', 'conditional'], 'conditional = 视情况, decided by `condition`'),
    condition: nullable({ type: 'string', description: 'the yes/no question of a conditional material, e.g. 是否委托他人代办？' }),
    notes: nullable(text),
  }),
  ItemDetail: extend(
    itemSummary,
    {
      summary: { type: 'string', description: 'plain-words guide' },
      conditions: { type: 'string', description: '受理条件' },
      fee: object({ free: bool, text: text }),
      maxVisits: { type: 'integer', description: '0 = 全程网办, 1 = 最多跑一次' },
      materials: arrayOf(ref('Material')),
      centers: arrayOf(ref('CenterRef')),
    },
    '办事指南: the item with its guide, materials and the centres that offer it',
  ),
  Facet: object({ value: text, label: text, count: int }),
  CatalogueFacets: object({ categories: arrayOf(ref('Facet')), departments: arrayOf(ref('Facet')) }),
  AvailabilitySlot: object({
    start: instant,
    end: instant,
    remaining: { type: 'integer', description: 'seats still bookable online' },
    capacity: { type: 'integer', description: 'seats bookable online in all (walk-in seats excluded)' },
  }),
  AvailabilityDay: object({
    date,
    weekday: { type: 'integer', minimum: 1, maximum: 7, description: 'ISO weekday, Monday = 1' },
    open: { type: 'boolean', description: 'false when nothing can be booked that day (see `reason`)' },
    reason: {
      anyOf: [object({ code: enumOf(CLOSED_REASONS), text: { type: 'string', description: 'plain Chinese, e.g. 国庆节放假, 已约满' } }), { type: 'null' }],
    },
    slots: { ...arrayOf(ref('AvailabilitySlot')), description: 'bookable slots; a FULL day keeps its slots with remaining 0' },
  }),
  Availability: object({
    centerId: uuid,
    itemId: uuid,
    from: date,
    to: date,
    scheduleKnown: { type: 'boolean', description: "false when the State Council's holiday schedule for a year in range is not yet published" },
    days: arrayOf(ref('AvailabilityDay')),
  }),
  Booking: booking,
  BookingEvent: object({
    at: instant,
    kind: enumOf(EVENT_KINDS),
    data: {
      type: 'object',
      additionalProperties: true,
      description: 'rescheduled: `{ from, to }`; cancelled: `{ reason }` when given; checked_in: `{ ticket }`; otherwise `{}`',
    },
  }),
  BookingDetail: extend(booking, { timeline: arrayOf(ref('BookingEvent')) }, 'A booking with its timeline, oldest event first'),
  BookingList: object({ bookings: arrayOf(ref('Booking')) }),
  QueueTicketRef: object({
    number: { type: 'integer', minimum: 1, description: "the day's queue number (叫号), shared with walk-in tickets" },
    serviceDate: date,
  }),
  CheckedInBooking: extend(booking, { ticket: ref('QueueTicketRef') }, 'A checked-in booking with its queue number; the applicant name is masked'),
  WalkInTicket: object({
    number: { type: 'integer', minimum: 1 },
    serviceDate: date,
    centerId: uuid,
    itemId: nullable(uuid),
    kind: { const: 'walk_in' },
  }),
  Account: account,
  LoginResult: object({
    token: { type: 'string', description: `our own signed token (HS256), valid ${TOKEN_TTL_SECONDS / 86400} days: send it as \`Authorization: Bearer <token>\`` },
    account: ref('Account'),
  }),
  MyAccount: extend(account, {
    people: arrayOf(
      object({
        id: uuid,
        name: text,
        relation: enumOf(['self', 'family', 'agent_client']),
        consented: { type: 'boolean', description: 'only consenting people can be booked for (`applicantId`)' },
      }),
    ),
  }),
  NoShowRun: object({
    markedNoShow: { type: 'integer', description: 'bookings marked no_show by this run' },
    restricted: { type: 'integer', description: 'people whose online booking was suspended by this run' },
  }),

  // request bodies, from the zod schemas the handlers validate with
  BookingRequest: inputSchema(bookingBody),
  CancelRequest: inputSchema(cancelBody),
  RescheduleRequest: inputSchema(rescheduleBody),
  CodeRequest: inputSchema(codeQuery),
  DevLoginRequest: inputSchema(devLoginBody),
  // api/tickets/index.ts keeps its zod schema private: its JSON form, by hand
  TicketRequest: {
    type: 'object',
    properties: { itemId: { ...uuid, description: 'the item the resident came for (optional)' } },
    additionalProperties: false,
  },
};

// ---------------------------------------------------------------------------------------
// Errors: which codes each operation can answer. Status and message come from the catalogue.

/** Example details for the messages that depend on them (the defaults of booking_rules). */
const EXAMPLE_DETAILS: Record<string, Record<string, unknown>> = {
  SLOT_RECENTLY_RELEASED: { minutes: 60 },
  WEEKLY_LIMIT_REACHED: { limit: 2 },
  MONTHLY_LIMIT_REACHED: { limit: 6 },
  BOOKING_RESTRICTED: { until: '2027-01-19T09:00:00+08:00', reason: 'NO_SHOWS' },
  CANCEL_TOO_LATE: { hours: 1 },
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

type Errors = Record<string, string | null>;

interface Op {
  operationId: string;
  tags: string[];
  summary: string;
  description: string;
  /** none: no token needed (a malformed or expired one is still 401); required: logged in */
  auth: 'none' | 'required' | 'cron';
  query?: { schema: z.ZodType; describe: Record<string, string> };
  pathId?: string;
  body?: { schema: string; required: boolean };
  idempotent?: boolean;
  ok: { status: number; description: string; schema: Json; headers?: Record<string, Json> };
  /** route-specific codes (null = the general wording) */
  errors: Errors;
}

function errorsOf(op: Op): Errors {
  const errors: Errors = {};
  if (op.auth === 'required') errors.UNAUTHENTICATED = null;
  if (op.auth === 'none') errors.UNAUTHENTICATED = 'only when an Authorization header is sent and it is malformed, expired or not ours';
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
// Operations, by path and method.

const CUT_OFF = 'Rules are per centre (`booking_rules`); defaults: booking opens 14 days ahead (today … today + 14, Shanghai dates) and closes 1 hour before the slot starts; cancelling and rescheduling close 1 hour before the booked start.';

const OPERATIONS: Record<string, Partial<Record<'get' | 'post', Op>>> = {
  '/api/health': {
    get: {
      operationId: 'getHealth',
      tags: ['system'],
      summary: 'Service health · 服务状态',
      description: 'The database backend, the latest applied migration and the mode. Not cached.',
      auth: 'none',
      ok: { status: 200, description: 'up', schema: ref('Health'), headers: { 'Cache-Control': { schema: { const: 'no-store' } } } },
      errors: {},
    },
  },
  '/api/openapi.json': {
    get: {
      operationId: 'getOpenApi',
      tags: ['system'],
      summary: 'This document · 接口文档',
      description: 'The OpenAPI 3.1 document of this API. Cached for 5 minutes.',
      auth: 'none',
      ok: { status: 200, description: 'the document', schema: { type: 'object' }, headers: { 'Cache-Control': { schema: { const: 'public, max-age=300' } } } },
      errors: {},
    },
  },
  '/api/centers': {
    get: {
      operationId: 'listCenters',
      tags: ['catalogue'],
      summary: 'Service centres and stations · 便民服务中心和服务站',
      description: 'Every active centre (便民服务中心) and station (便民服务站) matching the filters, centres first.',
      auth: 'none',
      query: {
        schema: centerQuery,
        describe: {
          kind: '`center` or `station`',
          q: 'part of the name, township or address (trimmed; empty = no filter)',
          county: '6-digit county division code, e.g. 511922',
        },
      },
      ok: { status: 200, description: 'the centres', schema: ref('CenterList') },
      errors: {},
    },
  },
  '/api/centers/{id}': {
    get: {
      operationId: 'getCenter',
      tags: ['catalogue'],
      summary: 'One centre · 中心详情',
      description: "A centre's summary with its opening hours (one entry per session), schedule note, parent centre (stations) and stations (centres).",
      auth: 'none',
      pathId: 'the centre',
      ok: { status: 200, description: 'the centre', schema: ref('CenterDetail') },
      errors: { CENTER_NOT_FOUND: 'no active centre has this id' },
    },
  },
  '/api/items': {
    get: {
      operationId: 'searchItems',
      tags: ['catalogue'],
      summary: 'Search the catalogue · 搜索办事指南',
      description:
        'Every word of `q` must match the name, another name people use, the code or the department. Ranked: exact name, name starts with the first word, name contains it, then popular items.',
      auth: 'none',
      query: {
        schema: itemQuery,
        describe: {
          q: 'search words, space-separated (≤ 50 characters)',
          category: '事项类型',
          department: 'a department code from the facets',
          center: 'only items this centre handles',
          county: '6-digit county division code',
          limit: 'page size, 1–100',
          offset: 'rows to skip',
        },
      },
      ok: { status: 200, description: 'one page of items', schema: ref('ItemPage') },
      errors: {},
    },
  },
  '/api/items/{id}': {
    get: {
      operationId: 'getItem',
      tags: ['catalogue'],
      summary: 'One item: the guide · 办事指南',
      description: 'The item with its guide, conditions (受理条件), fee, materials checklist and the centres that offer it.',
      auth: 'none',
      pathId: 'the item',
      ok: { status: 200, description: 'the item', schema: ref('ItemDetail') },
      errors: { ITEM_NOT_FOUND: 'no published item has this id' },
    },
  },
  '/api/catalogue/facets': {
    get: {
      operationId: 'getCatalogueFacets',
      tags: ['catalogue'],
      summary: 'Filter counts · 筛选条件',
      description: 'How many published items per category and per department, for the catalogue filters.',
      auth: 'none',
      query: { schema: facetQuery, describe: { center: 'count only items this centre handles', county: '6-digit county division code' } },
      ok: { status: 200, description: 'the counts', schema: ref('CatalogueFacets') },
      errors: {},
    },
  },
  '/api/availability': {
    get: {
      operationId: 'getAvailability',
      tags: ['booking'],
      summary: 'Bookable days and slots · 可预约时段',
      description: [
        `For one centre and item, every date from \`from\` to \`to\` (at most ${MAX_AVAILABILITY_DAYS} days): open or not and why (statutory holiday with its name, weekend, closure, not yet open, already past, no capacity, full), and the slots with the seats left online. No login needed.`,
        'All windows serving the item pool their seats per start time; walk-in seats are not counted. On an adjusted working day (调休) the Monday hours apply.',
        CUT_OFF,
      ].join('\n\n'),
      auth: 'none',
      query: {
        schema: availabilityQuery,
        describe: { center: 'the centre', item: 'the service item', from: 'first date, YYYY-MM-DD (Shanghai)', to: `last date, YYYY-MM-DD, not before \`from\`` },
      },
      ok: { status: 200, description: 'the days', schema: ref('Availability') },
      errors: {
        INVALID_DATE_RANGE: `more than ${MAX_AVAILABILITY_DAYS} days`,
        CENTER_NOT_FOUND: 'no active centre has this id',
        ITEM_NOT_FOUND: 'no published item has this id',
        ITEM_NOT_OFFERED: 'the centre does not handle this item',
      },
    },
  },
  '/api/bookings': {
    get: {
      operationId: 'listMyBookings',
      tags: ['booking'],
      summary: 'My bookings · 我的预约',
      description: 'Bookings the caller made and bookings for the people linked to the caller (family, agent clients), latest slot first.',
      auth: 'required',
      ok: { status: 200, description: 'the bookings', schema: ref('BookingList') },
      errors: {},
    },
    post: {
      operationId: 'book',
      tags: ['booking'],
      summary: 'Book a slot · 预约',
      description: [
        'Takes one seat at `slotStart` (a start time from availability) for the caller, or for `applicantId`: a person linked to the caller who consented (family, or an agent\'s client). Answers 201 with the booking, its code and QR payload.',
        'Rules, checked in one transaction: the slot must be bookable now (open day, within the booking horizon, at least the cut-off before it starts); one active booking per applicant and item; per applicant at most `weekly_cap` (2) bookings per ISO week and `monthly_cap` (6) per calendar month (Shanghai), counting every booking that was not cancelled or declined; an applicant who cancelled a booking cannot take the same start time at the same centre again for `rebook_block_minutes` (60) (the seat is free for everyone else at once); a person restricted after repeated no-shows cannot book for themselves or through family (agents and staff still can).',
        CUT_OFF,
        'Requires `Idempotency-Key`: a retry with the same key and body answers the first booking again (201), even if the slot has closed since.',
      ].join('\n\n'),
      auth: 'required',
      idempotent: true,
      body: { schema: 'BookingRequest', required: true },
      ok: { status: 201, description: 'booked (or the first answer to this Idempotency-Key)', schema: ref('Booking') },
      errors: {
        CENTER_NOT_FOUND: 'no active centre has this id',
        ITEM_NOT_FOUND: 'no published item has this id',
        ITEM_NOT_OFFERED: 'the centre does not handle this item',
        SLOT_NOT_AVAILABLE: 'not a slot start of that day, the day is closed, beyond the horizon or past the cut-off; `details.reason` says why when the whole day is closed',
        APPLICANT_NOT_LINKED: '`applicantId` is not the caller nor a consenting linked person',
        BOOKING_RESTRICTED: 'online booking suspended after repeated no-shows; `details.until`',
        ALREADY_BOOKED: 'the applicant has an active booking for this item',
        SLOT_RECENTLY_RELEASED: 'the applicant cancelled this start time at this centre less than `details.minutes` ago',
        WEEKLY_LIMIT_REACHED: 'the applicant has `details.limit` bookings that ISO week',
        MONTHLY_LIMIT_REACHED: 'the applicant has `details.limit` bookings that month',
        SLOT_FULL: 'no seat left at that time',
      },
    },
  },
  '/api/bookings/{id}': {
    get: {
      operationId: 'getBooking',
      tags: ['booking'],
      summary: 'One booking with its timeline · 预约详情',
      description: 'A booking the caller may see, with its timeline (booked, rescheduled, cancelled, checked in, no-show …).',
      auth: 'required',
      pathId: 'the booking',
      ok: { status: 200, description: 'the booking', schema: ref('BookingDetail') },
      errors: { BOOKING_NOT_FOUND: 'no such booking, or not one the caller may see' },
    },
  },
  '/api/bookings/{id}/cancel': {
    post: {
      operationId: 'cancelBooking',
      tags: ['booking'],
      summary: 'Cancel a booking · 取消预约',
      description: [
        'Cancels a booking of the caller or of a person linked to them and frees its seat at once. The body is optional (`{ "reason": "临时有事" }`). Cancelling a cancelled booking answers it again (200).',
        'Open until `cancel_hours_before` (1) hours before the slot starts; after that the resident phones the centre.',
        'Requires `Idempotency-Key`.',
      ].join('\n\n'),
      auth: 'required',
      pathId: 'the booking',
      idempotent: true,
      body: { schema: 'CancelRequest', required: false },
      ok: { status: 200, description: 'the cancelled booking', schema: ref('Booking') },
      errors: {
        BOOKING_NOT_FOUND: 'no such booking of the caller or of a person linked to them',
        BOOKING_NOT_ACTIVE: 'already checked in, completed, declined or a no-show',
        CANCEL_TOO_LATE: 'less than `details.hours` before the slot starts',
      },
    },
  },
  '/api/bookings/{id}/reschedule': {
    post: {
      operationId: 'rescheduleBooking',
      tags: ['booking'],
      summary: 'Move a booking to another time · 改期',
      description: [
        'Moves the booking to another start time at the same centre, for the same item; id and code stay, the status becomes `booked` again and the timeline gets a `rescheduled` event.',
        'Atomic: the new seat is taken first and the old one is released in the same transaction; when the new slot is full (409 `SLOT_FULL`) or any rule refuses, the booking is unchanged. Moving to its current start time answers the booking unchanged. The caps apply with the booking itself left out.',
        CUT_OFF,
        'Requires `Idempotency-Key`.',
      ].join('\n\n'),
      auth: 'required',
      pathId: 'the booking',
      idempotent: true,
      body: { schema: 'RescheduleRequest', required: true },
      ok: { status: 200, description: 'the moved booking (or the first answer to this Idempotency-Key)', schema: ref('Booking') },
      errors: {
        BOOKING_NOT_FOUND: 'no such booking of the caller or of a person linked to them',
        BOOKING_NOT_ACTIVE: 'cancelled, checked in, completed, declined or a no-show',
        CANCEL_TOO_LATE: 'the booked slot starts in less than `details.hours`',
        CENTER_NOT_FOUND: "the booking's centre has been withdrawn",
        ITEM_NOT_FOUND: "the booking's item has been withdrawn",
        ITEM_NOT_OFFERED: 'the centre no longer handles the item',
        SLOT_NOT_AVAILABLE: 'the new time is not a bookable slot start',
        WEEKLY_LIMIT_REACHED: 'the new time would pass the weekly cap',
        MONTHLY_LIMIT_REACHED: 'the new time would pass the monthly cap',
        BOOKING_RESTRICTED: 'online booking is suspended for the applicant after repeated no-shows (`details.until`)',
        SLOT_RECENTLY_RELEASED: 'the applicant cancelled this very slot less than `details.minutes` ago',
        SLOT_FULL: 'no seat left at the new time; the booking is unchanged',
      },
    },
  },
  '/api/bookings/verify': {
    get: {
      operationId: 'verifyBooking',
      tags: ['staff'],
      summary: 'Staff: check a booking code · 核验预约码',
      description:
        "Staff (their centre's bookings) and admins (their county's): who, what, when and the status of a typed 8-character code or a scanned QR payload. A QR payload with a wrong signature is refused. The applicant's name is masked (王*英): staff check the ID card in front of them.",
      auth: 'required',
      query: { schema: codeQuery, describe: { code: 'the 8-character code or the scanned QR payload' } },
      ok: { status: 200, description: 'the booking', schema: ref('Booking') },
      errors: {
        INVALID_BOOKING_CODE: 'neither a booking code nor a QR payload signed by this server',
        FORBIDDEN: 'the caller is not staff, a manager or an admin',
        BOOKING_NOT_FOUND: 'no booking with this code that the caller may see',
      },
    },
  },
  '/api/bookings/check-in': {
    post: {
      operationId: 'checkInBooking',
      tags: ['staff'],
      summary: 'Staff: check a booking in · 签到取号',
      description:
        "Staff and managers of the booking's centre: a booking for today (Shanghai) joins the day's queue and gets the next number, shared with walk-in tickets. Checking in a checked-in booking answers the same ticket again, so no Idempotency-Key is needed. The applicant's name is masked.",
      auth: 'required',
      body: { schema: 'CodeRequest', required: true },
      ok: { status: 200, description: 'the checked-in booking with its queue number', schema: ref('CheckedInBooking') },
      errors: {
        INVALID_BOOKING_CODE: 'neither a booking code nor a QR payload signed by this server',
        FORBIDDEN: 'the caller is not staff or a manager of a centre (admins cannot check in)',
        BOOKING_NOT_FOUND: 'no booking with this code at the caller\'s centre',
        BOOKING_NOT_ACTIVE: 'cancelled, completed, declined or a no-show',
        NOT_TODAY: 'the booking is not for today',
      },
    },
  },
  '/api/tickets': {
    post: {
      operationId: 'issueWalkInTicket',
      tags: ['staff'],
      summary: 'Staff: walk-in ticket · 现场取号',
      description:
        "Staff and managers: the next number of today's queue at their centre for a resident who came without booking, optionally for an item. The body is optional. Not idempotent: each call issues a new number.",
      auth: 'required',
      body: { schema: 'TicketRequest', required: false },
      ok: { status: 201, description: 'the ticket', schema: ref('WalkInTicket') },
      errors: {
        FORBIDDEN: 'the caller is not staff or a manager of a centre',
        ITEM_NOT_OFFERED: "the caller's centre does not handle this item",
      },
    },
  },
  '/api/auth/dev-login': {
    post: {
      operationId: 'devLogin',
      tags: ['auth'],
      summary: 'Development login · 演示登录',
      description:
        `Development and tests only, refused in production: log in as a demo account by its login name, or create a new resident with that name (and a linked person of the same name). Answers our own signed token, valid ${TOKEN_TTL_SECONDS / 86400} days, and the account.`,
      auth: 'none',
      body: { schema: 'DevLoginRequest', required: true },
      ok: { status: 200, description: 'logged in', schema: ref('LoginResult') },
      errors: {
        DEV_LOGIN_DISABLED: 'the server runs in production mode (`APP_MODE=production`)',
        ACCOUNT_DISABLED: 'the account has been deactivated',
      },
    },
  },
  '/api/me': {
    get: {
      operationId: 'getMe',
      tags: ['auth'],
      summary: 'My account · 我的账号',
      description: 'The account behind the token, read from the database (a role change or a deactivation applies at once), and the people the caller may book for.',
      auth: 'required',
      ok: { status: 200, description: 'the account', schema: ref('MyAccount') },
      errors: { UNAUTHENTICATED: 'no valid token, or the account has been deactivated' },
    },
  },
  '/api/jobs/no-shows': {
    get: {
      operationId: 'runNoShowJob',
      tags: ['jobs'],
      summary: 'Scheduled job: mark no-shows · 爽约处理',
      description: [
        'For the scheduler (Vercel Cron or a crontab line), authorised by `Authorization: Bearer <CRON_SECRET>`, not by a user token. Safe to run repeatedly.',
        'Bookings still booked or confirmed `no_show_grace_minutes` (15) after their slot ended become `no_show`. A person with `no_show_limit` (3) no-shows whose slots started in the last `no_show_window_days` (90) loses online booking for `restriction_days` (30), unless already restricted; agents and staff can still book for them.',
      ].join('\n\n'),
      auth: 'cron',
      ok: { status: 200, description: 'what the run did', schema: ref('NoShowRun'), headers: { 'Cache-Control': { schema: { const: 'no-store' } } } },
      errors: { FORBIDDEN: '`CRON_SECRET` is not set on the server, or the header does not carry it' },
    },
  },
};

// ---------------------------------------------------------------------------------------

function queryParameters(q: NonNullable<Op['query']>): Json[] {
  const json = inputSchema(q.schema) as { properties?: Record<string, Json>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, schema]) => {
    const description = q.describe[name];
    if (description === undefined) throw new Error(`openapi: query parameter ${name} has no description`);
    return { name, in: 'query', required: json.required?.includes(name) ?? false, description, schema };
  });
}

function operation(op: Op): Json {
  const errors = errorsOf(op);
  const parameters: Json[] = [];
  if (op.pathId) parameters.push({ name: 'id', in: 'path', required: true, description: `id of ${op.pathId} (UUID)`, schema: uuid });
  if (op.idempotent) parameters.push({ $ref: '#/components/parameters/IdempotencyKey' });
  if (op.query) parameters.push(...queryParameters(op.query));
  const ok: Json = { description: op.ok.description, content: { 'application/json': { schema: op.ok.schema } } };
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
  if (op.body) {
    out.requestBody = { required: op.body.required, content: { 'application/json': { schema: ref(op.body.schema) } } };
  }
  if (parameters.length === 0) delete out.parameters;
  return out;
}

const DESCRIPTION = `便民服务: township service centres (乡镇便民服务中心) of a county — the catalogue of items (办事指南), booking a slot, and the window staff's check-in.

JSON over HTTPS, camelCase. Times are ISO 8601 in Asia/Shanghai (\`+08:00\`); dates are \`YYYY-MM-DD\` in Shanghai; time limits are in working days.

**Errors.** Every error is \`{ "error": { "code", "message", "fields"?, "details"? } }\`: a stable code and one plain Chinese sentence that can be shown as is. Each operation lists its codes (also in \`x-error-codes\`). Any route: a method it does not have is 405 \`METHOD_NOT_ALLOWED\` with an \`Allow\` header; any other \`/api/…\` path is 404 \`NOT_FOUND\`.

**Authentication.** \`Authorization: Bearer <token>\`: our own signed token (HS256), valid ${TOKEN_TTL_SECONDS / 86400} days, from the login (for now the development login, refused in production). Every route except the scheduled job reads the header when it is sent: a malformed, expired or foreign token is 401 \`UNAUTHENTICATED\` with \`WWW-Authenticate: Bearer\`, even on public routes. What an account may do is decided by the database on every call.

**Idempotency-Key.** Required on POST /api/bookings, /api/bookings/{id}/cancel and /api/bookings/{id}/reschedule: a fresh random key per user action (8–100 characters of A–Z a–z 0–9 _ -), reused on retries. A retry with the same key returns the first successful answer without doing it twice; the same key with a different request is 422 \`IDEMPOTENCY_KEY_REUSED\`. Keys are per user. A request that failed is not remembered: retrying it runs it again.`;

/** The OpenAPI 3.1 document of every route under api/. */
export function buildOpenApi(): OpenApiDocument {
  const paths: OpenApiDocument['paths'] = {};
  for (const [path, methods] of Object.entries(OPERATIONS)) {
    paths[path] = Object.fromEntries(Object.entries(methods).map(([method, op]) => [method, operation(op)]));
  }
  return {
    openapi: '3.1.1',
    info: { title: '便民服务 API', version: packageJson.version, description: DESCRIPTION },
    servers: [{ url: '/' }],
    tags: [
      { name: 'catalogue', description: '办事指南: centres, items, materials (no login)' },
      { name: 'booking', description: '预约: availability, book, cancel, reschedule' },
      { name: 'staff', description: '窗口: verify codes, check in, walk-in tickets' },
      { name: 'auth', description: '登录与账号' },
      { name: 'jobs', description: 'scheduled jobs (CRON_SECRET)' },
      { name: 'system', description: 'health and this document' },
    ],
    paths,
    components: {
      schemas: SCHEMAS,
      parameters: {
        IdempotencyKey: {
          name: 'Idempotency-Key',
          in: 'header',
          required: true,
          description: 'A fresh random key per user action, reused on retries. Per user: the same key with a different request is 422 IDEMPOTENCY_KEY_REUSED.',
          // the format server/booking/booking-requests.ts idempotencyKey() accepts
          schema: { type: 'string', pattern: '^[A-Za-z0-9_-]{8,100}$', examples: ['3f9c2a7e-5b1d-4e08-9a41-0c6d2b7f8e15'] },
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
