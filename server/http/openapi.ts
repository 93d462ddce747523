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
import { wechatLoginBody, wechatPhoneBody } from '../auth/wechat-login';
import { TOKEN_TTL_SECONDS } from '../auth/tokens';
import { bookingBody, cancelBody, codeQuery, availabilityQuery, rescheduleBody } from '../booking/booking-requests';
import { MAX_AVAILABILITY_DAYS } from '../booking/booking-service';
import { reminderBody } from '../booking/reminders';
import { centerQuery, facetQuery, itemQuery } from '../catalogue/catalogue-queries';
import { acceptCaseBody, completeBody, declineBody, forwardBody, ratingBody, rejectBody, supplementBody } from '../cases/case-requests';
import { RATING_INDICATORS } from '../cases/rating-indicators';
import {
  adminItemQuery, bundleInput, catalogueItemInput, departmentInput, exportQuery, importQuery, publishInput,
} from '../catalogue/catalogue-admin-requests';
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
const EVENT_KINDS = [
  'booked', 'rescheduled', 'cancelled', 'confirmed', 'declined', 'checked_in', 'no_show',
  'accepted', 'needs_supplement', 'supplemented', 'forwarded', 'completed', 'rejected', 'rated',
] as const;
const CASE_STATUSES = ['accepted', 'needs_supplement', 'forwarded', 'completed', 'rejected'] as const;
const CASE_STEP_KINDS = ['accepted', 'needs_supplement', 'supplemented', 'forwarded', 'completed', 'rejected', 'rated'] as const;
const INDICATORS = `${RATING_INDICATORS.map((i) => `\`${i.code}\` ${i.label}`).join(', ')}`;
const APP_ROLES = ['resident', 'staff', 'manager', 'admin', 'agent'] as const;

const centerRef = object({ id: uuid, name: text, kind: enumOf(['center', 'station'], 'center 便民服务中心 | station 便民服务站') });
const centerSummary = extend(centerRef, {
  countyCode: { type: 'string', pattern: '^[0-9]{6}$', description: 'county division code (县级行政区划代码)' },
  township: text,
  address: text,
  phone: { type: 'string', description: "the centre's public service phone" },
  isSample: { type: 'boolean', description: 'true for invented demo data' },
  parentCenterId: nullable({ ...uuid, description: "a station's centre" }),
  latitude: nullable({ type: 'number', description: 'for finding the nearest centre on the phone; null when unknown' }),
  longitude: nullable({ type: 'number' }),
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
const caseSummary = object(
  {
    id: uuid,
    status: enumOf(CASE_STATUSES, '受理 accepted, 补正 needs_supplement, 上报 forwarded, 办结 completed, 不予受理 rejected'),
    acceptedAt: instant,
    promisedBy: nullable({ ...date, description: '承诺办结日期: the item\'s promised working days after acceptance (holidays skipped, 调休 weekends worked)' }),
    missingMaterials: { ...arrayOf(text), description: 'when needs_supplement: exactly what to bring; otherwise empty' },
    rejectReason: nullable({ type: 'string', description: 'when rejected' }),
    outcome: nullable({ type: 'string', description: 'when completed, if staff wrote one' }),
    completedAt: nullable({ ...instant, description: 'when the case was completed or rejected' }),
  },
  'The case (办件) once staff accepted the matter',
);
const rating = object(
  {
    level: { type: 'integer', minimum: 1, maximum: 5, description: '5 非常满意, 4 满意, 3 基本满意, 2 不满意, 1 非常不满意' },
    indicators: { ...arrayOf(text), description: `ticked standard indicators: ${INDICATORS}` },
    comment: nullable(text),
    createdAt: instant,
    followUp: { type: 'boolean', description: 'true for level ≤ 2: a rectification (整改) is opened' },
  },
  '好差评',
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
  ItemPage: object({
    total: int,
    limit: int,
    offset: int,
    rows: arrayOf(ref('ItemSummary')),
    bundles: { ...arrayOf(ref('BundleSummary')), description: '一件事 bundles matching the same words: first page of a word search only, else []' },
    soundsLike: { type: 'boolean', description: 'true when nothing matched as typed and the rows are items whose names sound alike (pinyin)' },
  }),
  BundleSummary: object(
    {
      id: uuid,
      code: text,
      name: text,
      summary: text,
      isSample: bool,
      items: { ...arrayOf(object({ id: uuid, name: text })), description: 'its items; a visit is booked for the first' },
    },
    '一件事一次办: several items one life event needs, handled as one matter at one window',
  ),
  BundleList: object({ bundles: arrayOf(ref('BundleSummary')) }),
  BundleDetail: object({
    id: uuid,
    code: text,
    name: text,
    summary: text,
    isSample: bool,
    items: { ...arrayOf(ref('ItemDetail')), description: 'each item with its guide and materials; the checklist merges them' },
    centers: { ...arrayOf(ref('CenterRef')), description: 'centres that offer every item' },
  }),
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
      description:
        'rescheduled: `{ from, to }`; cancelled: `{ reason }` when given; declined: `{ reason }`; checked_in: `{ ticket }`; accepted: `{ promisedBy }`; needs_supplement and supplemented: `{ missing }` (material names); forwarded: `{ note }` when given; completed: `{ outcome }` when given; rejected: `{ reason }`; rated: `{ level }`; otherwise `{}`',
    },
  }),
  BookingDetail: extend(
    booking,
    { timeline: arrayOf(ref('BookingEvent')), case: nullableRef('CaseSummary'), rating: nullableRef('Rating') },
    'A booking with its timeline (oldest event first; steps staff undid are left out), its case once accepted and its rating once rated',
  ),
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
    phone: nullable({ type: 'string', description: 'the phone number given through WeChat, masked (138****5678); null when none', examples: ['138****5678'] }),
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
  CaseSummary: caseSummary,
  CaseStep: object({
    at: instant,
    kind: enumOf(CASE_STEP_KINDS),
    data: { type: 'object', additionalProperties: true, description: 'as in BookingEvent' },
    undone: { type: 'boolean', description: 'taken back by staff within 2 minutes (listed for staff of the centre and admins only)' },
  }),
  CaseDetail: extend(
    caseSummary,
    {
      centerId: uuid,
      itemId: uuid,
      itemName: text,
      bookingId: nullable({ ...uuid, description: 'null for a walk-in case' }),
      ticketNumber: nullable({ type: 'integer', description: "the queue number (today's) the case was accepted from" }),
      promisedDays: { type: 'integer', description: "the item's promised working days (0 = 即办)" },
      forwardNote: nullable(text),
      handlingSeconds: nullable({ type: 'integer', description: 'from the call of the ticket (or the acceptance) to completion or rejection' }),
      voided: { type: 'boolean', description: 'the acceptance itself was undone' },
      steps: arrayOf(ref('CaseStep')),
      undo: {
        anyOf: [object({ kind: enumOf(CASE_STEP_KINDS), until: instant }), { type: 'null' }],
        description: "the caller's own latest step and until when `POST /api/cases/{id}/undo` can take it back",
      },
    },
    'A case (办件) as staff see it',
  ),
  UndoneCase: {
    allOf: [ref('CaseDetail'), { type: 'object', properties: { undone: object({ kind: enumOf(CASE_STEP_KINDS), at: instant }) }, required: ['undone'] }],
    description: 'the case after the undo, and which step was taken back',
  },
  Rating: rating,
  RatingResult: extend(rating, {
    followUpBy: nullable({ ...date, description: 'the rectification deadline, 10 working days after the rating (level ≤ 2)' }),
    followUpMessage: nullable({ type: 'string', description: 'what to tell the resident (plain Chinese), level ≤ 2' }),
  }),
  DeclineRequest: inputSchema(declineBody),
  AcceptCaseRequest: inputSchema(acceptCaseBody),
  SupplementRequest: inputSchema(supplementBody),
  ForwardRequest: inputSchema(forwardBody),
  CompleteRequest: inputSchema(completeBody),
  RejectRequest: inputSchema(rejectBody),
  RatingRequest: inputSchema(ratingBody),
  EmptyRequest: { type: 'object', additionalProperties: false, description: 'no fields (the body may be left out)' },
  WechatLoginRequest: inputSchema(wechatLoginBody),
  WechatPhoneRequest: inputSchema(wechatPhoneBody),
  ReminderRequest: inputSchema(reminderBody),
  PhoneResult: object({ phone: { type: 'string', description: 'the number as stored, masked', examples: ['138****5678'] } }),
  ReminderConsents: object({
    bookingId: uuid,
    recorded: { type: 'integer', description: 'accepts recorded by this request' },
    pending: arrayOf(
      object({
        templateId: text,
        count: { type: 'integer', minimum: 1, description: 'accepts not used yet: each allows one message' },
      }),
    ),
  }),
  // api/tickets/index.ts keeps its zod schema private: its JSON form, by hand
  TicketRequest: {
    type: 'object',
    properties: { itemId: { ...uuid, description: 'the item the resident came for (optional)' } },
    additionalProperties: false,
  },
  // catalogue administration (server/contract/catalogue-admin.ts)
  CatalogueItemInput: inputSchema(catalogueItemInput),
  BundleInput: inputSchema(bundleInput),
  DepartmentInput: inputSchema(departmentInput),
  PublishItemRequest: inputSchema(publishInput),
  AdminMaterial: object({
    name: text,
    form: enumOf(['original', 'copy', 'original_and_copy', 'electronic']),
    copies: int,
    requirement: enumOf(['required', 'conditional']),
    condition: nullable(text),
    notes: nullable(text),
  }),
  AdminItem: object({
    id: uuid, code: text, name: text,
    category: enumOf(['permit', 'confirmation', 'public_service', 'convenience', 'other_power']),
    departmentCode: text, departmentName: text,
    handlingMode: enumOf(['immediate', 'commitment', 'joint', 'report_up', 'online']),
    legalDays: int, promisedDays: int, feeText: text, summary: text, conditions: text, maxVisits: int,
    keywords: text, popularity: int, published: bool, isSample: bool, updatedAt: instant,
    materials: arrayOf(ref('AdminMaterial')),
  }, 'an item of the county as the admin edits it, published or not'),
  AdminItemRow: object({
    id: uuid, code: text, name: text, category: text, departmentCode: text, departmentName: text,
    published: bool, materialCount: int, isSample: bool, updatedAt: instant,
  }),
  AdminItemPage: object({ total: int, limit: int, offset: int, rows: arrayOf(ref('AdminItemRow')) }),
  SaveItemResult: object({ status: enumOf(['created', 'updated', 'unchanged']), item: ref('AdminItem') }),
  Department: object({ id: uuid, code: text, name: text, sortOrder: int }),
  DepartmentList: object({ departments: arrayOf(extend(ref('Department'), { itemCount: int })) }),
  AdminBundle: object({
    id: uuid, code: text, name: text, summary: text, keywords: text, popularity: int, published: bool,
    isSample: bool, updatedAt: instant,
    items: arrayOf(object({ id: uuid, code: text, name: text, published: bool })),
  }),
  AdminBundleList: object({ bundles: arrayOf(ref('AdminBundle')) }),
  ImportReport: object({
    dryRun: { type: 'boolean', description: 'true when nothing was written (asked for, or the file has problems)' },
    format: enumOf(['csv', 'xlsx']),
    encoding: { type: ['string', 'null'], enum: ['utf-8', 'gb18030', null], description: 'how a CSV was decoded; null for XLSX' },
    itemRows: int,
    materialRows: int,
    errors: arrayOf(object({
      sheet: { type: 'string', description: '事项 or 材料' },
      row: { type: ['integer', 'null'], description: 'row number as Excel/WPS show it' },
      column: nullable(text),
      message: { type: 'string', description: 'plain Chinese' },
    })),
    created: int, updated: int, unchanged: int,
    materialsReplaced: { type: 'boolean', description: 'false when the file had no 材料 part: stored materials were kept' },
    rows: arrayOf(object({ code: text, status: enumOf(['created', 'updated', 'unchanged']) })),
  }, 'what an import does (dry run) or did; see docs/catalogue-spreadsheet.md'),
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
  /** parameters beyond the path id, the Idempotency-Key and the query (e.g. an optional header) */
  extraParameters?: Json[];
  ok: { status: number; description: string; schema: Json; headers?: Record<string, Json>; files?: string[] };
  /** route-specific codes (null = the general wording) */
  errors: Errors;
  /** a raw file body instead of JSON (the catalogue import) */
  upload?: { contentType: string; description: string };
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

const CASE_STAFF_ONLY = "Staff and managers of the case's centre only (checked in the database): residents and admins get 403 `FORBIDDEN`, another centre's staff 404 `CASE_NOT_FOUND`.";

const ADMIN = "Active county admins only, their own county (checked in the database): residents, staff and managers get 403 `FORBIDDEN`; a deactivated admin 401; another county's ids are 404.";

const CUT_OFF = 'Rules are per centre (`booking_rules`); defaults: booking opens 14 days ahead (today … today + 14, Shanghai dates) and closes 1 hour before the slot starts; cancelling and rescheduling close 1 hour before the booked start.';

const OPERATIONS: Record<string, Partial<Record<'get' | 'post' | 'put', Op>>> = {
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
        'Every word of `q` must match the name, another name people use, the code or the department; a word typed in pinyin (`dibao`, initials `db`) also matches the pinyin of names. Ranked: exact name, name starts with the first word, name contains it, pinyin only; popular items first within each. When Chinese words match nothing, items whose names sound alike are returned with `soundsLike: true` (低包 → 低保). The first page of a word search also lists matching 一件事 bundles.',
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
  '/api/bundles': {
    get: {
      operationId: 'listBundles',
      tags: ['catalogue'],
      summary: '一件事一次办 bundles · 一件事',
      description: 'Published bundles, popular first; with `center`, only those the centre can handle whole (it offers every item).',
      auth: 'none',
      query: { schema: facetQuery, describe: { center: 'only bundles this centre handles whole', county: '6-digit county division code' } },
      ok: { status: 200, description: 'the bundles', schema: ref('BundleList') },
      errors: {},
    },
  },
  '/api/bundles/{id}': {
    get: {
      operationId: 'getBundle',
      tags: ['catalogue'],
      summary: 'One bundle · 一件事详情',
      description: 'The bundle with each of its items (guide and materials) and the centres that offer all of them.',
      auth: 'none',
      pathId: 'the bundle',
      ok: { status: 200, description: 'the bundle', schema: ref('BundleDetail') },
      errors: { BUNDLE_NOT_FOUND: 'no published bundle has this id' },
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
  '/api/bookings/{id}/reminders': {
    post: {
      operationId: 'recordReminderConsent',
      tags: ['booking'],
      summary: 'Reminders the resident allowed · 订阅提醒',
      description: [
        "After `wx.requestSubscribeMessage` (asked from a tap, at most 3 templates), the mini-program reports which templates it asked for and which the resident accepted, for a booking the caller may see (their own or a linked person's) that is still booked or confirmed. Each accepted template is recorded once per request: it allows WeChat to deliver one message (a reminder, a change) to the caller later. Nothing accepted records nothing.",
        'An Idempotency-Key is optional here: with one, a retry answers the first result and records nothing again.',
      ].join('\n\n'),
      auth: 'required',
      pathId: 'the booking',
      extraParameters: [
        {
          name: 'Idempotency-Key',
          in: 'header',
          required: false,
          description: 'optional: a fresh random key per tap, reused on retries (8–100 characters of A–Z a–z 0–9 _ -)',
          schema: { type: 'string', pattern: '^[A-Za-z0-9_-]{8,100}$' },
        },
      ],
      body: { schema: 'ReminderRequest', required: true },
      ok: { status: 200, description: "the caller's unsent accepts for this booking", schema: ref('ReminderConsents') },
      errors: {
        IDEMPOTENCY_KEY_REQUIRED: 'an Idempotency-Key header was sent but is not 8–100 characters of A–Z a–z 0–9 _ -',
        BOOKING_NOT_FOUND: 'no such booking of the caller or of a person linked to them',
        BOOKING_NOT_ACTIVE: 'cancelled, checked in, completed, declined or a no-show',
        IDEMPOTENCY_KEY_REUSED: null,
      },
    },
  },
  '/api/bookings/{id}/confirm': {
    post: {
      operationId: 'confirmBooking',
      tags: ['staff'],
      summary: 'Staff: confirm a booking · 确认预约',
      description: [
        "Staff and managers of the booking's centre: a pending booking (`booked`) becomes `confirmed`; the timeline gets `confirmed`. Confirming a confirmed booking answers it again. Admins and residents are refused; another centre's booking is not found. The applicant's name is masked.",
        'Requires `Idempotency-Key`.',
      ].join('\n\n'),
      auth: 'required',
      pathId: 'the booking',
      idempotent: true,
      ok: { status: 200, description: 'the confirmed booking', schema: ref('Booking') },
      errors: {
        FORBIDDEN: 'the caller is not staff or a manager of a centre',
        BOOKING_NOT_FOUND: "no such booking at the caller's centre",
        BOOKING_NOT_PENDING: 'checked in, completed, cancelled, declined or a no-show',
      },
    },
  },
  '/api/bookings/{id}/decline': {
    post: {
      operationId: 'declineBooking',
      tags: ['staff'],
      summary: 'Staff: decline a booking · 拒绝预约',
      description: [
        "Staff and managers of the booking's centre decline a booking that is not checked in yet (`booked` or `confirmed`) with a reason the resident reads (`statusReason`, and `{ reason }` in the timeline). The seat is freed at once. Declining a declined booking answers it again.",
        'Requires `Idempotency-Key`.',
      ].join('\n\n'),
      auth: 'required',
      pathId: 'the booking',
      idempotent: true,
      body: { schema: 'DeclineRequest', required: true },
      ok: { status: 200, description: 'the declined booking', schema: ref('Booking') },
      errors: {
        INVALID_INPUT: 'the reason is empty or too long',
        FORBIDDEN: 'the caller is not staff or a manager of a centre',
        BOOKING_NOT_FOUND: "no such booking at the caller's centre",
        BOOKING_NOT_PENDING: 'checked in, completed, cancelled or a no-show',
      },
    },
  },
  '/api/bookings/{id}/rating': {
    post: {
      operationId: 'rateBooking',
      tags: ['cases'],
      summary: 'Rate the service · 好差评',
      description: [
        `The applicant, or a family member linked with consent, rates a booking once its case is completed or rejected; once per booking. \`level\` 1–5 (5 非常满意, 4 满意, 3 基本满意, 2 不满意, 1 非常不满意), \`indicators\` from the standard list (${INDICATORS}), an optional comment (≤ 300 characters).`,
        'Level 1 or 2 opens a rectification (整改) for the centre\'s manager, due 10 working days later: the answer has `followUp: true`, `followUpBy` and `followUpMessage` to show the resident. The timeline gets `rated`. Village agents and staff cannot rate.',
        'Requires `Idempotency-Key`: a retry answers the first rating (201).',
      ].join('\n\n'),
      auth: 'required',
      pathId: 'the booking',
      idempotent: true,
      body: { schema: 'RatingRequest', required: true },
      ok: { status: 201, description: 'the rating', schema: ref('RatingResult') },
      errors: {
        INVALID_INPUT: 'a value the database refuses',
        FORBIDDEN: 'the caller may see the booking but is not the applicant or consenting family (an agent, staff)',
        BOOKING_NOT_FOUND: 'no such booking of the caller or of a person linked to them',
        RATING_NOT_YET: 'the case is not completed or rejected yet (or there is no case)',
        ALREADY_RATED: 'this booking has been rated',
      },
    },
  },
  '/api/cases': {
    post: {
      operationId: 'acceptCase',
      tags: ['cases'],
      summary: 'Staff: accept a case · 受理',
      description: [
        "Staff and managers accept the matter at their centre: `{ bookingId }` of a checked-in booking, or `{ ticketNumber }` of today's queue — a walk-in ticket (with `itemId` when the ticket has none; it may also correct the ticket's item) or a checked-in booking's number. The case starts `accepted` with `promisedBy` = acceptance date + the item's promised working days (0 = today), on the official calendar. The timeline gets `accepted`.",
        'Requires `Idempotency-Key`: a retry answers the first case (201).',
      ].join('\n\n'),
      auth: 'required',
      idempotent: true,
      body: { schema: 'AcceptCaseRequest', required: true },
      ok: { status: 201, description: 'the new case', schema: ref('CaseDetail') },
      errors: {
        INVALID_INPUT: 'a value the database refuses',
        FORBIDDEN: 'the caller is not staff or a manager of a centre',
        BOOKING_NOT_FOUND: "no such booking at the caller's centre",
        TICKET_NOT_FOUND: "no such number in today's queue at the caller's centre",
        NOT_CHECKED_IN: 'the booking is booked or confirmed: check it in first',
        BOOKING_NOT_ACTIVE: 'the booking is cancelled, declined or a no-show',
        ALREADY_ACCEPTED: 'a case exists for this booking or ticket (`details.caseId`)',
        ITEM_REQUIRED: 'a walk-in ticket without an item, and no `itemId`',
        ITEM_NOT_OFFERED: "the caller's centre does not handle this item",
      },
    },
  },
  '/api/cases/{id}': {
    get: {
      operationId: 'getCase',
      tags: ['cases'],
      summary: 'One case · 办件详情',
      description: "A case the caller may see: staff of its centre, admins of its county, and the resident and linked people of its booking. Steps staff undid are listed (marked) for staff and admins only. `undo` tells staff until when they can take back their own latest step.",
      auth: 'required',
      pathId: 'the case',
      ok: { status: 200, description: 'the case', schema: ref('CaseDetail') },
      errors: { CASE_NOT_FOUND: 'no such case, its acceptance was undone, or not one the caller may see' },
    },
  },
  '/api/cases/{id}/supplement': {
    post: {
      operationId: 'requestSupplement',
      tags: ['cases'],
      summary: 'Staff: ask for missing materials · 补正',
      description: [
        '`accepted` or `forwarded` → `needs_supplement`: `missing` names exactly which materials to bring (1–20, each ≤ 100 characters, no duplicates). The resident sees them in the case (`missingMaterials`) and the timeline (`needs_supplement { missing }`).',
        CASE_STAFF_ONLY,
        'Requires `Idempotency-Key`.',
      ].join('\n\n'),
      auth: 'required',
      pathId: 'the case',
      idempotent: true,
      body: { schema: 'SupplementRequest', required: true },
      ok: { status: 200, description: 'the case after this step', schema: ref('CaseDetail') },
      errors: {
        FORBIDDEN: 'the caller is not staff or a manager of a centre',
        CASE_NOT_FOUND: "no such case at the caller's centre (or its acceptance was undone)",
        INVALID_INPUT: 'a value the database refuses',
        INVALID_CASE_TRANSITION: 'not allowed from the current status (`details.status`, `details.action`)',
      },
    },
  },
  '/api/cases/{id}/supplemented': {
    post: {
      operationId: 'markSupplemented',
      tags: ['cases'],
      summary: 'Staff: materials brought · 已补齐',
      description: [
        '`needs_supplement` → `accepted`: the resident brought the missing materials. The timeline gets `supplemented { missing }`. No body (or `{}`).',
        CASE_STAFF_ONLY,
        'Requires `Idempotency-Key`.',
      ].join('\n\n'),
      auth: 'required',
      pathId: 'the case',
      idempotent: true,
      body: { schema: 'EmptyRequest', required: false },
      ok: { status: 200, description: 'the case after this step', schema: ref('CaseDetail') },
      errors: {
        FORBIDDEN: 'the caller is not staff or a manager of a centre',
        CASE_NOT_FOUND: "no such case at the caller's centre (or its acceptance was undone)",
        INVALID_CASE_TRANSITION: 'not allowed from the current status (`details.status`, `details.action`)',
      },
    },
  },
  '/api/cases/{id}/forward': {
    post: {
      operationId: 'forwardCase',
      tags: ['cases'],
      summary: 'Staff: forward to the county · 上报',
      description: [
        '`accepted` → `forwarded`, with an optional note (≤ 200 characters). From `forwarded` the case can be completed, rejected, or sent back to 补正.',
        CASE_STAFF_ONLY,
        'Requires `Idempotency-Key`.',
      ].join('\n\n'),
      auth: 'required',
      pathId: 'the case',
      idempotent: true,
      body: { schema: 'ForwardRequest', required: false },
      ok: { status: 200, description: 'the case after this step', schema: ref('CaseDetail') },
      errors: {
        FORBIDDEN: 'the caller is not staff or a manager of a centre',
        CASE_NOT_FOUND: "no such case at the caller's centre (or its acceptance was undone)",
        INVALID_INPUT: 'a value the database refuses',
        INVALID_CASE_TRANSITION: 'not allowed from the current status (`details.status`, `details.action`)',
      },
    },
  },
  '/api/cases/{id}/complete': {
    post: {
      operationId: 'completeCase',
      tags: ['cases'],
      summary: 'Staff: complete · 办结',
      description: [
        '`accepted` or `forwarded` → `completed` (final), with an optional outcome the resident reads (≤ 200 characters, e.g. 证件已办好，请带身份证到窗口领取). The booking becomes `completed`; handling time is recorded; the resident can now rate.',
        CASE_STAFF_ONLY,
        'Requires `Idempotency-Key`.',
      ].join('\n\n'),
      auth: 'required',
      pathId: 'the case',
      idempotent: true,
      body: { schema: 'CompleteRequest', required: false },
      ok: { status: 200, description: 'the case after this step', schema: ref('CaseDetail') },
      errors: {
        FORBIDDEN: 'the caller is not staff or a manager of a centre',
        CASE_NOT_FOUND: "no such case at the caller's centre (or its acceptance was undone)",
        INVALID_INPUT: 'a value the database refuses',
        INVALID_CASE_TRANSITION: 'not allowed from the current status (`details.status`, `details.action`)',
      },
    },
  },
  '/api/cases/{id}/reject': {
    post: {
      operationId: 'rejectCase',
      tags: ['cases'],
      summary: 'Staff: refuse · 不予受理',
      description: [
        '`accepted`, `needs_supplement` or `forwarded` → `rejected` (final), with the reason the resident reads (required, ≤ 200 characters). The booking becomes `completed`; the resident can rate.',
        CASE_STAFF_ONLY,
        'Requires `Idempotency-Key`.',
      ].join('\n\n'),
      auth: 'required',
      pathId: 'the case',
      idempotent: true,
      body: { schema: 'RejectRequest', required: true },
      ok: { status: 200, description: 'the case after this step', schema: ref('CaseDetail') },
      errors: {
        FORBIDDEN: 'the caller is not staff or a manager of a centre',
        CASE_NOT_FOUND: "no such case at the caller's centre (or its acceptance was undone)",
        INVALID_INPUT: 'the reason is empty or too long',
        INVALID_CASE_TRANSITION: 'not allowed from the current status (`details.status`, `details.action`)',
      },
    },
  },
  '/api/cases/{id}/undo': {
    post: {
      operationId: 'undoCaseStep',
      tags: ['cases'],
      summary: 'Staff: undo my last step · 撤销',
      description: [
        'Takes back the caller\'s own latest step of the case within 2 minutes (a mis-tap): the case returns to what it was before (undoing the acceptance voids the case, so it can be accepted again; undoing a completion reopens the booking). The step stays in the history, marked undone, and leaves the resident\'s timeline. Not once the resident has rated.',
        CASE_STAFF_ONLY,
        'Requires `Idempotency-Key`.',
      ].join('\n\n'),
      auth: 'required',
      pathId: 'the case',
      idempotent: true,
      ok: { status: 200, description: 'the case after the undo', schema: ref('UndoneCase') },
      errors: {
        FORBIDDEN: 'the caller is not staff or a manager of a centre',
        CASE_NOT_FOUND: "no such case at the caller's centre (or its acceptance was undone)",
        NOTHING_TO_UNDO: 'the latest step was taken by someone else',
        UNDO_EXPIRED: 'the latest step is more than 2 minutes old',
        UNDO_NOT_POSSIBLE: 'the resident has rated the case',
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
  '/api/auth/wechat': {
    post: {
      operationId: 'wechatLogin',
      tags: ['auth'],
      summary: 'WeChat login · 微信登录',
      description: [
        `The mini-program sends the code of \`wx.login\`; the server exchanges it with WeChat (jscode2session) for the user's openid and answers our own signed token, valid ${TOKEN_TTL_SECONDS / 86400} days, and the account. The first login creates a resident (named \`displayName\`, default 微信用户) with a linked person; later logins of the same WeChat user find the same account.`,
        "WeChat's session_key is never answered, stored or logged. An old token sent along is ignored.",
      ].join('\n\n'),
      auth: 'none',
      body: { schema: 'WechatLoginRequest', required: true },
      ok: { status: 200, description: 'logged in', schema: ref('LoginResult') },
      errors: {
        WECHAT_CODE_INVALID: 'WeChat refused the code (40029 invalid, 40163 already used): call wx.login again',
        WECHAT_RATE_LIMITED: 'WeChat rate limit (45011): try again in a minute',
        WECHAT_USER_BLOCKED: 'WeChat blocks this user from logging in (40226)',
        ACCOUNT_DISABLED: 'the account has been deactivated',
        WECHAT_NOT_CONFIGURED: 'the server has no WeChat AppID and secret (WECHAT_APPID, WECHAT_SECRET)',
        WECHAT_UNAVAILABLE: 'WeChat did not answer in time, answered an error the resident cannot act on, or is busy (-1); logged with its errcode',
      },
    },
  },
  '/api/auth/wechat/phone': {
    post: {
      operationId: 'saveWechatPhone',
      tags: ['auth'],
      summary: 'Phone number from WeChat · 获取手机号',
      description: [
        "With the code of `<Button openType=\"getPhoneNumber\">` (`e.detail.code`, given only when the user agrees), the server asks WeChat (getuserphonenumber) for the number, stores it encrypted (AES-256-GCM) for the caller's own person, replacing an earlier one, and answers it masked. /api/me shows it masked too; no answer ever shows the full number.",
        "The server's WeChat access_token is shared by every instance through one database row and refreshed before it expires; when WeChat refuses it (40001, 42001) the server refreshes it once and retries.",
      ].join('\n\n'),
      auth: 'required',
      body: { schema: 'WechatPhoneRequest', required: true },
      ok: { status: 200, description: 'the number, masked', schema: ref('PhoneResult') },
      errors: {
        UNAUTHENTICATED: 'no valid token, or the account has been deactivated',
        WECHAT_PHONE_CODE_INVALID: 'WeChat refused the code (40029): tap the button again',
        WECHAT_RATE_LIMITED: 'WeChat rate limit (45011): try again in a minute',
        WECHAT_USER_BLOCKED: 'WeChat blocks this user (40226)',
        WECHAT_NOT_CONFIGURED: 'the server has no WeChat AppID and secret',
        WECHAT_UNAVAILABLE: 'WeChat did not answer in time or answered an error (also a second 40001/42001 after the refresh); logged with its errcode',
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
  },  '/api/admin/catalogue/items': {
    get: {
      operationId: 'adminListItems',
      tags: ['catalogue-admin'],
      summary: 'Admin: the county\'s items · 事项管理',
      description: `Items of the admin's county, published or not, by code; search by name, other names, code or department. ${ADMIN}`,
      auth: 'required',
      query: { schema: adminItemQuery, describe: { q: 'words to find', published: 'true / false: only published / unpublished', limit: 'page size (≤ 200)', offset: 'rows to skip' } },
      ok: { status: 200, description: 'one page', schema: ref('AdminItemPage') },
      errors: { FORBIDDEN: 'not an admin' },
    },
    post: {
      operationId: 'adminCreateItem',
      tags: ['catalogue-admin'],
      summary: 'Admin: create an item · 新增事项',
      description: `An item with its ordered materials, published unless \`published: false\`. The server writes its search pinyin. Audited (\`catalogue.item_create\`). Requires \`Idempotency-Key\`. ${ADMIN}`,
      auth: 'required',
      idempotent: true,
      body: { schema: 'CatalogueItemInput', required: true },
      ok: { status: 201, description: 'the new item', schema: ref('SaveItemResult') },
      errors: { FORBIDDEN: 'not an admin', ITEM_CODE_TAKEN: 'the county has an item with this code', DEPARTMENT_NOT_FOUND: 'no department with this code in the county', CONFLICT: 'a concurrent change' },
    },
  },
  '/api/admin/catalogue/items/{id}': {
    get: {
      operationId: 'adminGetItem',
      tags: ['catalogue-admin'],
      summary: 'Admin: one item · 事项详情',
      description: `The item with its materials, published or not. ${ADMIN}`,
      auth: 'required',
      pathId: 'the item',
      ok: { status: 200, description: 'the item', schema: ref('AdminItem') },
      errors: { FORBIDDEN: 'not an admin', ITEM_NOT_FOUND: 'no item with this id in the county' },
    },
    put: {
      operationId: 'adminUpdateItem',
      tags: ['catalogue-admin'],
      summary: 'Admin: replace an item · 修改事项',
      description: `The whole item; the materials list is replaced as a whole, in the given order, in one transaction. \`status\` says whether anything changed. Audited (\`catalogue.item_update\`, with the names of the changed fields). ${ADMIN}`,
      auth: 'required',
      pathId: 'the item',
      body: { schema: 'CatalogueItemInput', required: true },
      ok: { status: 200, description: 'the item as stored', schema: ref('SaveItemResult') },
      errors: { FORBIDDEN: 'not an admin', ITEM_NOT_FOUND: 'no item with this id in the county', ITEM_CODE_TAKEN: 'another item has this code', DEPARTMENT_NOT_FOUND: 'no department with this code in the county', CONFLICT: 'a concurrent change' },
    },
  },
  '/api/admin/catalogue/items/{id}/publish': {
    post: {
      operationId: 'adminPublishItem',
      tags: ['catalogue-admin'],
      summary: 'Admin: publish or stop publishing · 发布 / 停止发布',
      description: `\`{ published }\`. An unpublished item disappears from the residents' catalogue and cannot be booked; bookings already made stay valid. When it has future bookings, unpublishing answers 409 \`ITEM_HAS_FUTURE_BOOKINGS\` with \`details.count\` until the request says \`keepBookings: true\`. Audited. ${ADMIN}`,
      auth: 'required',
      pathId: 'the item',
      body: { schema: 'PublishItemRequest', required: true },
      ok: { status: 200, description: 'the item', schema: ref('AdminItem') },
      errors: { FORBIDDEN: 'not an admin', ITEM_NOT_FOUND: 'no item with this id in the county', ITEM_HAS_FUTURE_BOOKINGS: 'future bookings exist and `keepBookings` was not set (`details.count`)' },
    },
  },
  '/api/admin/catalogue/departments': {
    get: {
      operationId: 'adminListDepartments',
      tags: ['catalogue-admin'],
      summary: 'Admin: departments · 实施部门',
      description: `The county's departments in display order, with their item counts. ${ADMIN}`,
      auth: 'required',
      ok: { status: 200, description: 'the departments', schema: ref('DepartmentList') },
      errors: { FORBIDDEN: 'not an admin' },
    },
    post: {
      operationId: 'adminCreateDepartment',
      tags: ['catalogue-admin'],
      summary: 'Admin: add a department · 新增部门',
      description: `Code and name are unique in the county, so a repeated request answers 409 \`DEPARTMENT_TAKEN\` instead of adding twice. Audited. ${ADMIN}`,
      auth: 'required',
      body: { schema: 'DepartmentInput', required: true },
      ok: { status: 201, description: 'the department', schema: ref('Department') },
      errors: { FORBIDDEN: 'not an admin', DEPARTMENT_TAKEN: 'the county has a department with this code or name' },
    },
  },
  '/api/admin/catalogue/departments/{id}': {
    put: {
      operationId: 'adminUpdateDepartment',
      tags: ['catalogue-admin'],
      summary: 'Admin: rename a department · 修改部门',
      description: `Code, name and order. Audited. ${ADMIN}`,
      auth: 'required',
      pathId: 'the department',
      body: { schema: 'DepartmentInput', required: true },
      ok: { status: 200, description: 'the department', schema: ref('Department') },
      errors: { FORBIDDEN: 'not an admin', DEPARTMENT_NOT_FOUND: 'no department with this id in the county', DEPARTMENT_TAKEN: 'another department has this code or name' },
    },
  },
  '/api/admin/catalogue/bundles': {
    get: {
      operationId: 'adminListBundles',
      tags: ['catalogue-admin'],
      summary: 'Admin: bundles · 一件事管理',
      description: `The county's bundles, published or not, with their items in order. ${ADMIN}`,
      auth: 'required',
      ok: { status: 200, description: 'the bundles', schema: ref('AdminBundleList') },
      errors: { FORBIDDEN: 'not an admin' },
    },
    post: {
      operationId: 'adminCreateBundle',
      tags: ['catalogue-admin'],
      summary: 'Admin: create a bundle · 新增一件事',
      description: `\`itemCodes\`: item codes of the county, the one a visit is booked for first. Audited. Requires \`Idempotency-Key\`. ${ADMIN}`,
      auth: 'required',
      idempotent: true,
      body: { schema: 'BundleInput', required: true },
      ok: { status: 201, description: 'the bundle', schema: ref('AdminBundle') },
      errors: { FORBIDDEN: 'not an admin', ITEM_CODES_UNKNOWN: 'codes that are not items of the county (`details.codes`)', BUNDLE_CODE_TAKEN: 'the county has a bundle with this code', INVALID_INPUT: 'a value the database refuses' },
    },
  },
  '/api/admin/catalogue/bundles/{id}': {
    put: {
      operationId: 'adminUpdateBundle',
      tags: ['catalogue-admin'],
      summary: 'Admin: replace a bundle · 修改一件事',
      description: `The whole bundle and its ordered item list. Audited. ${ADMIN}`,
      auth: 'required',
      pathId: 'the bundle',
      body: { schema: 'BundleInput', required: true },
      ok: { status: 200, description: 'the bundle', schema: ref('AdminBundle') },
      errors: { FORBIDDEN: 'not an admin', BUNDLE_NOT_FOUND: 'no bundle with this id in the county', ITEM_CODES_UNKNOWN: 'codes that are not items of the county', BUNDLE_CODE_TAKEN: 'another bundle has this code', INVALID_INPUT: 'a value the database refuses' },
    },
  },
  '/api/admin/catalogue/import': {
    post: {
      operationId: 'adminImportCatalogue',
      tags: ['catalogue-admin'],
      summary: 'Admin: import the catalogue spreadsheet · 导入目录',
      description: [
        'The file\'s bytes as the body (`Content-Type: application/octet-stream`): an .xlsx workbook, or a CSV in UTF-8 (with or without BOM) or GB18030/GBK. Layout: docs/catalogue-spreadsheet.md. At most 4 MB and 5000 items.',
        '`dryRun=true` (the default) checks every row and reports every problem (sheet, row, column, plain Chinese message) and what the import would do; nothing is written. `dryRun=false` checks the same way and, only when there is no problem at all, upserts every row by item code in one transaction (all or nothing); with problems it answers 422 `IMPORT_INVALID` whose `details.report` is the same report. Items not in the file are left as they are. Audited (`catalogue.import`, counts and codes).',
        ADMIN,
      ].join('\n\n'),
      auth: 'required',
      query: { schema: importQuery, describe: { dryRun: 'true (default): only check; false: apply when there is no problem' } },
      upload: { contentType: 'application/octet-stream', description: 'the .xlsx or .csv file as it is' },
      ok: { status: 200, description: 'the report', schema: ref('ImportReport') },
      errors: {
        FORBIDDEN: 'not an admin',
        UNSUPPORTED_MEDIA_TYPE: 'the body is not sent as `application/octet-stream`',
        PAYLOAD_TOO_LARGE: 'a body over 4.5 MB',
        IMPORT_FILE_TOO_LARGE: 'a file over 4 MB, or an .xlsx that unpacks to more than 60 MB',
        IMPORT_TOO_MANY_ROWS: 'more than 5000 items (or 50000 materials)',
        IMPORT_FORMAT_UNSUPPORTED: 'an old .xls/.et workbook or a UTF-16 text file',
        IMPORT_FILE_UNREADABLE: 'binary junk, a damaged workbook or a CSV that is neither UTF-8 nor GB18030',
        IMPORT_FILE_EMPTY: 'no header and no rows',
        IMPORT_INVALID: 'dryRun=false and the file has problems: `details.report`, `details.errorCount`; nothing written',
        CONFLICT: 'a concurrent change',
      },
    },
  },
  '/api/admin/catalogue/export': {
    get: {
      operationId: 'adminExportCatalogue',
      tags: ['catalogue-admin'],
      summary: 'Admin: export the catalogue · 导出目录',
      description: `Every item of the county with its materials as a download (\`Content-Disposition: attachment\`, Chinese file name in \`filename*\`), in the layout the import reads, so the file imports back to the same catalogue. CSV is UTF-8 with BOM; cells that a spreadsheet program would run as a formula (starting with = + - @) get a leading apostrophe, which the import removes. ${ADMIN}`,
      auth: 'required',
      query: { schema: exportQuery, describe: { format: 'xlsx (default) or csv' } },
      ok: {
        status: 200,
        description: 'the file',
        schema: { type: 'string', format: 'binary' },
        files: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'text/csv; charset=utf-8'],
        headers: { 'Content-Disposition': { schema: { type: 'string' }, description: 'attachment; filename="…"; filename*=UTF-8\'\'…' } },
      },
      errors: { FORBIDDEN: 'not an admin' },
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
  if (op.extraParameters) parameters.push(...op.extraParameters);
  const ok: Json = {
    description: op.ok.description,
    content: op.ok.files
      ? Object.fromEntries(op.ok.files.map((type) => [type, { schema: { type: 'string', format: 'binary' } }]))
      : { 'application/json': { schema: op.ok.schema } },
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
  if (op.body) {
    out.requestBody = { required: op.body.required, content: { 'application/json': { schema: ref(op.body.schema) } } };
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

const DESCRIPTION = `便民服务: township service centres (乡镇便民服务中心) of a county — the catalogue of items (办事指南), booking a slot, and the window staff's check-in.

JSON over HTTPS, camelCase. Times are ISO 8601 in Asia/Shanghai (\`+08:00\`); dates are \`YYYY-MM-DD\` in Shanghai; time limits are in working days.

**Errors.** Every error is \`{ "error": { "code", "message", "fields"?, "details"? } }\`: a stable code and one plain Chinese sentence that can be shown as is. Each operation lists its codes (also in \`x-error-codes\`). Any route: a method it does not have is 405 \`METHOD_NOT_ALLOWED\` with an \`Allow\` header; any other \`/api/…\` path is 404 \`NOT_FOUND\`.

**Authentication.** \`Authorization: Bearer <token>\`: our own signed token (HS256), valid ${TOKEN_TTL_SECONDS / 86400} days, from the WeChat login (or the development login, refused in production). Every route except the scheduled job reads the header when it is sent: a malformed, expired or foreign token is 401 \`UNAUTHENTICATED\` with \`WWW-Authenticate: Bearer\`, even on public routes. What an account may do is decided by the database on every call.

**Idempotency-Key.** Required on POST /api/bookings, /api/bookings/{id}/cancel, /api/bookings/{id}/reschedule, /api/bookings/{id}/confirm, /api/bookings/{id}/decline, /api/bookings/{id}/rating, /api/cases, every POST /api/cases/{id}/…, POST /api/admin/catalogue/items and /api/admin/catalogue/bundles: a fresh random key per user action (8–100 characters of A–Z a–z 0–9 _ -), reused on retries. A retry with the same key returns the first successful answer without doing it twice; the same key with a different request is 422 \`IDEMPOTENCY_KEY_REUSED\`. Keys are per user. A request that failed is not remembered: retrying it runs it again.`;

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
      { name: 'staff', description: '窗口: verify codes, check in, walk-in tickets, confirm or decline bookings' },
      { name: 'cases', description: '办件 and 好差评: accept, 补正, 上报, 办结, 不予受理, undo; ratings' },
      { name: 'auth', description: '登录与账号' },
      { name: 'jobs', description: 'scheduled jobs (CRON_SECRET)' },
      { name: 'catalogue-admin', description: '目录管理 (county admins): items, materials, bundles, departments, spreadsheet import and export' },
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
