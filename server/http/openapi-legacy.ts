// The OpenAPI 3.1 document of the HTTP API, served at /api/openapi.json.
//
// Request schemas are derived from the zod schemas the handlers validate with
// (`z.toJSONSchema(schema, { io: 'input' })`), so they cannot drift. Response schemas are the
// JSON Schema form of the types in server/contract/*.ts, written once below (SCHEMAS). Error
// statuses and example messages come from the error catalogue (./errors): an operation lists
// only its error codes. server/http/openapi.test.ts fails when a route file under api/ has no
// path here, when the methods differ, or when a code is not in the catalogue.
import { z } from 'zod';
import { accountListQuery, auditLogQuery, changePasswordBody, createAccountBody, passwordLoginBody, updateAccountBody } from '../accounts/account-requests';
import { devLoginBody } from '../auth/dev-login';
import { wechatLoginBody, wechatPhoneBody } from '../auth/wechat-login';
import { TOKEN_TTL_SECONDS } from '../auth/tokens';
import { bookingBody, cancelBody, codeQuery, availabilityQuery, rescheduleBody } from '../booking/booking-requests';
import { MAX_AVAILABILITY_DAYS } from '../booking/booking-service';
import { reminderBody } from '../booking/reminders';
import { centerQuery, facetQuery, itemQuery } from '../catalogue/catalogue-queries';
import { acceptCaseBody, completeBody, declineBody, forwardBody, ratingBody, rejectBody, supplementBody } from '../cases/case-requests';
import { closeRectificationBody, ratingsQuery } from '../cases/follow-up';
import { RATING_INDICATORS } from '../cases/rating-indicators';
import {
  centerItemBody, closureBody, createStaffBody, createWindowBody, hoursBody, overrideBody, photoBody, removeClosureBody,
  rulesBody, templatesBody, updateStaffBody, updateWindowBody,
} from '../center-config/config-requests';
import { callNextBody, queueQuery, queueUndoBody, staffDayQuery } from '../queue/queue-requests';
import {
  adminItemQuery, bundleInput, catalogueItemInput, departmentInput, exportQuery, importQuery, publishInput,
} from '../catalogue/catalogue-admin-requests';

type Json = Record<string, unknown>;
type Errors = Record<string, string | null>;

/** A route not yet moved to an operation (server/http/operation.ts): its document entry only. */
export interface Op {
  operationId: string;
  tags: string[];
  summary: string;
  description: string;
  auth: 'none' | 'required' | 'cron';
  query?: { schema: z.ZodType; describe: Record<string, string> };
  pathId?: string;
  body?: { schema: string; required: boolean };
  idempotent?: boolean;
  extraParameters?: Json[];
  ok: { status: number; description: string; schema: Json; headers?: Record<string, Json>; contentType?: string; files?: string[] };
  errors: Errors;
  upload?: { contentType: string; description: string };
}

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
  'called', 'missed', 'requeued',
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
    followUpResult: nullable({
      ...object({ status: enumOf(['open', 'closed']), dueBy: date, closedAt: nullable(instant), resolution: nullable(text) }),
      description: "the follow-up's state and, once closed, what was done (null without follow-up)",
    }),
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

const TICKET_STATUSES = ['waiting', 'called', 'serving', 'done', 'missed', 'cancelled'] as const;
const QUEUE_ACTIONS = ['call', 'recall', 'serve', 'finish', 'missed', 'requeue'] as const;
const queueTicket = object(
  {
    id: uuid,
    number: { type: 'integer', minimum: 1, description: "the day's queue number" },
    kind: enumOf(['walk_in', 'booking']),
    status: enumOf(TICKET_STATUSES, 'waiting 等候, called 已叫号, serving 办理中, done 办完, missed 过号, cancelled'),
    serviceDate: date,
    itemId: nullable(uuid),
    itemName: nullable(text),
    bookingId: nullable(uuid),
    applicantName: nullable({ type: 'string', description: 'masked (王*英); null for a walk-in' }),
    slotStart: nullable({ ...instant, description: "a booking's slot start" }),
    issuedAt: instant,
    queueAt: { ...instant, description: 'the queue is ordered by this, then by number' },
    windowId: nullable(uuid),
    windowName: nullable(text),
    callCount: { type: 'integer', minimum: 0, maximum: 3, description: 'calls in this round (at most 3, then 过号)' },
    calledAt: nullable(instant),
    lastCalledAt: nullable(instant),
    servingAt: nullable(instant),
    finishedAt: nullable(instant),
    missedAt: nullable(instant),
    handlingSeconds: nullable({ type: 'integer', description: 'call → finish, once done' }),
    case: { anyOf: [object({ id: uuid, status: enumOf(CASE_STATUSES) }), { type: 'null' }] },
  },
  'A ticket of the day\'s queue (取号 or a checked-in booking)',
);
const queueBoard = object(
  {
    serviceDate: date,
    windows: arrayOf(ref('WindowRef')),
    windowId: nullable(uuid),
    current: { ...nullableRef('QueueTicket'), description: 'the person called to or served at this window' },
    waiting: { ...arrayOf(ref('QueueTicket')), description: 'in calling order' },
    missed: { ...arrayOf(ref('QueueTicket')), description: "today's missed turns, newest first" },
    atOtherWindows: arrayOf(ref('QueueTicket')),
    counts: object({ waiting: int, atWindows: int, done: int, missed: int }),
    lastAction: {
      anyOf: [object({ action: enumOf(QUEUE_ACTIONS), at: instant, number: int, undoUntil: nullable(instant) }), { type: 'null' }],
      description: "the caller's latest action at this window; `undoUntil` while `POST /api/queue/undo` can take it back",
    },
  },
  "Today's queue of the caller's centre seen from one window",
);
const materialLine = object({
  name: text,
  form: enumOf(['original', 'copy', 'original_and_copy', 'electronic']),
  copies: int,
  requirement: enumOf(['required', 'conditional']),
  condition: nullable(text),
});

export const LEGACY_SCHEMAS: Record<string, Json> = {
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
        'rescheduled: `{ from, to }`; cancelled: `{ reason }` when given; declined: `{ reason }`; checked_in: `{ ticket }`; accepted: `{ promisedBy }`; needs_supplement and supplemented: `{ missing }` (material names); forwarded: `{ note }` when given; completed: `{ outcome }` when given; rejected: `{ reason }`; rated: `{ level }`; called: `{ ticket, window, count }` (已叫号); missed and requeued: `{ ticket }`; otherwise `{}`',
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
  Rectification: object({
    id: uuid,
    status: enumOf(['open', 'closed']),
    openedAt: instant,
    dueBy: date,
    overdue: { type: 'boolean', description: 'open and past its due date (Shanghai)' },
    closedAt: nullable(instant),
    closedByName: nullable(text),
    resolution: nullable({ type: 'string', description: 'what was done, shown to the resident' }),
  }),
  RatingList: object({
    summary: object({
      total: int,
      satisfied: { type: 'integer', description: 'levels 4 and 5' },
      satisfactionRate: nullable({ type: 'number', description: '满意率: satisfied / total (0–1); null with no ratings' }),
      byLevel: object({ '1': int, '2': int, '3': int, '4': int, '5': int }),
      indicators: { type: 'object', additionalProperties: int, description: 'how often each indicator was ticked' },
      openFollowUps: int,
      overdueFollowUps: int,
    }),
    total: { type: 'integer', description: 'rows matching the filter' },
    rows: arrayOf(
      object({
        id: uuid,
        level: int,
        indicators: arrayOf(text),
        comment: nullable(text),
        createdAt: instant,
        itemName: text,
        center: ref('CenterRef'),
        staffName: nullable({ type: 'string', description: 'who finished the case' }),
        bookingId: uuid,
        bookingCode: text,
        followUp: nullableRef('Rectification'),
      }),
    ),
  }),
  CloseRectificationRequest: inputSchema(closeRectificationBody),
  DeclineRequest: inputSchema(declineBody),
  AcceptCaseRequest: inputSchema(acceptCaseBody),
  SupplementRequest: inputSchema(supplementBody),
  ForwardRequest: inputSchema(forwardBody),
  CompleteRequest: inputSchema(completeBody),
  RejectRequest: inputSchema(rejectBody),
  RatingRequest: inputSchema(ratingBody),
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
  // centre configuration (server/contract/center-config.ts)
  CenterConfig: {
    type: 'object',
    description: "a centre's whole configuration for its manager or the county admin; after a capacity change also `reconciled` ({ slotsUpdated, kept: [{ windowId, start, booked, inConfig }] }), after a closure `cancelledBookings`",
    properties: {
      center: object({ id: uuid, name: text, kind: enumOf(['center', 'station']), township: text, countyCode: text, active: bool }),
      openingHours: arrayOf(object({ weekday: int, opens: text, closes: text })),
      windows: arrayOf(object({ id: uuid, number: int, name: text, active: bool, itemIds: arrayOf(uuid) })),
      items: arrayOf(object({ id: uuid, code: text, name: text, department: text, enabled: bool })),
      templates: arrayOf(object({ id: uuid, windowId: uuid, weekday: int, starts: text, ends: text, slotMinutes: int, seats: int, walkInSeats: int, validFrom: nullable(date), validTo: nullable(date) })),
      overrides: arrayOf(object({ id: uuid, windowId: uuid, date, starts: text, ends: text, slotMinutes: int, seats: int, walkInSeats: int })),
      closures: arrayOf(object({ id: uuid, date, windowId: nullable(uuid), reason: text })),
      rules: { type: 'object', description: 'booking rules, snake_case as stored (open_days_ahead, close_hours_before, cancel_hours_before, weekly_cap, monthly_cap, rebook_block_minutes, no_show_grace_minutes, no_show_limit, no_show_window_days, restriction_days)' },
      staff: arrayOf(object({
        id: uuid, name: text, post: text, active: bool, dutyWeekdays: arrayOf(int), photoUrl: nullable(text), hasPhoto: bool,
        consentAt: nullable(instant), consentWithdrawnAt: nullable(instant), public: bool, onDutyToday: bool, todayOverride: nullable(bool),
      })),
      futureBookings: object({ count: int, first: nullable(instant) }),
    },
    required: ['center', 'openingHours', 'windows', 'items', 'templates', 'overrides', 'closures', 'rules', 'staff', 'futureBookings'],
  },
  ManagedCenters: object({ centers: arrayOf(object({ id: uuid, name: text, kind: enumOf(['center', 'station']), township: text, active: bool })) }),
  CenterItemResult: object({ itemId: uuid, enabled: bool }),
  OnDuty: object({ centerId: uuid, date, staff: arrayOf(object({ id: uuid, name: text, post: text, photoUrl: nullable({ ...text, description: 'relative URL of the photo' }) })) }),
  HoursRequest: inputSchema(hoursBody),
  CreateWindowRequest: inputSchema(createWindowBody),
  UpdateWindowRequest: inputSchema(updateWindowBody),
  CenterItemRequest: inputSchema(centerItemBody),
  TemplatesRequest: inputSchema(templatesBody),
  OverrideRequest: inputSchema(overrideBody),
  ClosureRequest: inputSchema(closureBody),
  RemoveClosureRequest: inputSchema(removeClosureBody),
  RulesRequest: inputSchema(rulesBody),
  CreateStaffRequest: inputSchema(createStaffBody),
  UpdateStaffRequest: inputSchema(updateStaffBody),
  PhotoRequest: inputSchema(photoBody),
  // staff accounts (server/contract/accounts.ts)
  LoginAccount: extend(account, {
    mustChangePassword: { type: 'boolean', description: 'true: nothing works until POST /api/auth/password (a new account, or reset by an admin)' },
  }, 'The account a password or staff WeChat login answers'),
  StaffLoginResult: object({
    token: { type: 'string', description: `our own signed token (HS256), valid ${TOKEN_TTL_SECONDS / 86400} days` },
    account: ref('LoginAccount'),
  }),
  ChangedPassword: object({ account: ref('LoginAccount') }),
  StaffAccount: object(
    {
      id: uuid,
      username: { type: 'string', pattern: '^[a-z][a-z0-9_.-]{2,31}$' },
      displayName: text,
      role: enumOf(APP_ROLES),
      centerId: nullable(uuid),
      centerName: nullable(text),
      countyCode: nullable(text),
      active: bool,
      mustChangePassword: bool,
      lockedUntil: nullable({ ...instant, description: 'set while locked after repeated wrong passwords' }),
      wechatBound: { type: 'boolean', description: 'a WeChat is bound for one-tap login (the openid is never answered)' },
      lastLoginAt: nullable(instant),
      passwordChangedAt: nullable(instant),
      createdAt: instant,
    },
    'A staff account as administrators see it: no password hash, no openid',
  ),
  StaffAccountList: object({ rows: arrayOf(ref('StaffAccount')) }),
  AccountWithPassword: object({
    account: ref('StaffAccount'),
    temporaryPassword: nullable({ type: 'string', description: 'shown once, never stored in clear; null on an Idempotency-Key retry (reset the password to get a new one)' }),
  }),
  AuditEntry: object({
    id: int,
    at: instant,
    actorId: nullable(uuid),
    actorName: nullable(text),
    actorRole: { type: 'string', description: 'role at the time, or `system` (command line)' },
    centerId: nullable(uuid),
    action: { type: 'string', examples: ['account.create'] },
    targetType: text,
    targetId: nullable(text),
    detail: { type: 'object', additionalProperties: true, description: 'what changed; never personal data in clear' },
  }),
  AuditPage: object({
    rows: arrayOf(ref('AuditEntry')),
    nextBefore: nullable({ type: 'integer', description: 'pass as `before` for the next, older page; null at the end' }),
  }),
  PasswordLoginRequest: inputSchema(passwordLoginBody),
  ChangePasswordRequest: inputSchema(changePasswordBody),
  CreateAccountRequest: inputSchema(createAccountBody),
  UpdateAccountRequest: inputSchema(updateAccountBody),
  // the window staff's workbench (server/contract/queue.ts)
  QueueTicket: queueTicket,
  WindowRef: object({ id: uuid, number: int, name: text }),
  QueueBoard: queueBoard,
  CallNextResult: extend(queueBoard, { called: nullableRef('QueueTicket') }, 'the board after 叫下一位, and who was called (null: nobody waiting)'),
  TicketActionResult: extend(queueBoard, { ticket: ref('QueueTicket') }, 'the board after the action, and the ticket'),
  QueueUndoResult: extend(queueBoard, { undone: object({ action: enumOf(QUEUE_ACTIONS), at: instant }) }, 'the board after the undo, and what was undone'),
  MaterialLine: materialLine,
  StaffDayBooking: object({
    id: uuid,
    status: enumOf(BOOKING_STATUSES),
    slotStart: instant,
    slotEnd: instant,
    itemId: uuid,
    itemName: text,
    windowName: text,
    applicantName: { type: 'string', description: 'masked, e.g. 王*英' },
    bookedVia: enumOf(['self', 'family', 'agent', 'staff']),
    statusReason: nullable(text),
    checkedInAt: nullable(instant),
    ticket: { anyOf: [object({ id: uuid, number: int, status: enumOf(TICKET_STATUSES) }), { type: 'null' }] },
    case: { anyOf: [object({ id: uuid, status: enumOf(CASE_STATUSES) }), { type: 'null' }] },
  }),
  StaffDay: object({
    date,
    today: date,
    centerId: uuid,
    centerName: text,
    counts: object({ pending: int, active: int, checkedIn: int, completed: int, cancelled: int, noShow: int }),
    bookings: { ...arrayOf(ref('StaffDayBooking')), description: 'by slot time' },
    materials: { type: 'object', additionalProperties: arrayOf(ref('MaterialLine')), description: "each listed item's materials checklist, by item id" },
  }),
  StaffBooking: extend(
    booking,
    {
      timeline: arrayOf(ref('BookingEvent')),
      ticket: nullableRef('QueueTicket'),
      case: { anyOf: [object({ id: uuid, status: enumOf(CASE_STATUSES) }), { type: 'null' }] },
      materials: arrayOf(ref('MaterialLine')),
    },
    'A booking for the workbench: applicant masked, no QR payload, with its ticket, case and materials',
  ),
  CallNextRequest: inputSchema(callNextBody),
  QueueUndoRequest: inputSchema(queueUndoBody),
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
// Operations, by path and method.

const CASE_STAFF_ONLY = "Staff and managers of the case's centre only (checked in the database): residents and admins get 403 `FORBIDDEN`, another centre's staff 404 `CASE_NOT_FOUND`.";

const ADMIN = "Active county admins only, their own county (checked in the database): residents, staff and managers get 403 `FORBIDDEN`; a deactivated admin 401; another county's ids are 404.";

const CUT_OFF = 'Rules are per centre (`booking_rules`); defaults: booking opens 14 days ahead (today … today + 14, Shanghai dates) and closes 1 hour before the slot starts; cancelling and rescheduling close 1 hour before the booked start.';

export const LEGACY_OPERATIONS: Record<string, Partial<Record<'get' | 'post' | 'put' | 'delete', Op>>> = {
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
        "Staff and managers: the next number of today's queue at their centre for a resident who came without booking, optionally for an item. The body is optional. With an `Idempotency-Key` (recommended) a retry answers the same number; without one each call issues a new number.",
      auth: 'required',
      body: { schema: 'TicketRequest', required: false },
      extraParameters: [
        {
          name: 'Idempotency-Key',
          in: 'header',
          required: false,
          description: 'optional: a retry with the same key answers the same number',
          schema: { type: 'string', pattern: '^[A-Za-z0-9_-]{8,100}$' },
        },
      ],
      ok: { status: 201, description: 'the ticket', schema: ref('WalkInTicket') },
      errors: {
        FORBIDDEN: 'the caller is not staff or a manager of a centre',
        ITEM_NOT_OFFERED: "the caller's centre does not handle this item",
        IDEMPOTENCY_KEY_REQUIRED: 'an `Idempotency-Key` header that is not 8–100 characters of A–Z a–z 0–9 _ -',
        IDEMPOTENCY_KEY_REUSED: null,
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
  '/api/manage/ratings': {
    get: {
      operationId: 'listRatings',
      tags: ['manage'],
      summary: 'Managers: ratings and follow-ups · 好差评统计',
      description:
        "The centre's manager (their centre) and the county admin (their county, or one centre with `center`): the ratings newest first, each with the item, the centre, who finished the case, the booking code and its follow-up (整改); and a summary over the filter: total, satisfied (levels 4–5), 满意率, per level, per indicator, open and overdue follow-ups. Dates are Shanghai dates of the rating.",
      auth: 'required',
      query: {
        schema: ratingsQuery,
        describe: {
          center: 'one centre (admins); a manager may give their own',
          from: 'first date, YYYY-MM-DD',
          to: 'last date, YYYY-MM-DD',
          bad: '`true`: only 不满意 and 非常不满意 rows (the summary still covers all)',
          limit: 'page size, 1–100',
          offset: 'rows to skip',
        },
      },
      ok: { status: 200, description: 'the ratings and the summary', schema: ref('RatingList') },
      errors: { FORBIDDEN: 'not a manager or an admin', CENTER_NOT_FOUND: "the centre is not in the caller's scope" },
    },
  },
  '/api/manage/rectifications/{id}/close': {
    post: {
      operationId: 'closeRectification',
      tags: ['manage'],
      summary: 'Managers: close a follow-up · 整改办结',
      description:
        "The centre's manager or the county admin records what was done about a bad rating; the resident reads it on their booking. Closing again with the same words answers the same; with other words it is 409.",
      auth: 'required',
      pathId: 'the follow-up',
      body: { schema: 'CloseRectificationRequest', required: true },
      ok: { status: 200, description: 'the closed follow-up', schema: ref('Rectification') },
      errors: {
        FORBIDDEN: 'not a manager or an admin',
        RECTIFICATION_NOT_FOUND: "no such follow-up in the caller's centre or county",
        RECTIFICATION_CLOSED: 'already closed with other words',
      },
    },
  },
  ...centerConfigOperations(),
  '/api/auth/login': {
    post: {
      operationId: 'passwordLogin',
      tags: ['auth'],
      summary: 'Staff login · 工作人员登录',
      description: [
        'Window staff, managers and admins log in with the username an administrator gave them and their password. A new account (or one whose password was reset) answers `mustChangePassword: true`: until `POST /api/auth/password`, every other route refuses it with 403 `PASSWORD_CHANGE_REQUIRED` (enforced by the database).',
        '5 wrong passwords in a row lock the username for 15 minutes (429 `ACCOUNT_LOCKED`, `details.minutes`); an administrator\'s reset unlocks it. Unknown usernames are answered, counted and locked exactly like known ones, so the answer never tells whether a username exists.',
      ].join('\n\n'),
      auth: 'none',
      body: { schema: 'PasswordLoginRequest', required: true },
      ok: { status: 200, description: 'logged in', schema: ref('StaffLoginResult') },
      errors: {
        LOGIN_FAILED: 'wrong username or password; `details.remaining` attempts before the lock',
        ACCOUNT_LOCKED: 'too many wrong passwords: locked for `details.minutes`',
        ACCOUNT_DISABLED: 'right password, but the account has been deactivated',
      },
    },
  },
  '/api/auth/password': {
    post: {
      operationId: 'changePassword',
      tags: ['auth'],
      summary: 'Change my password · 修改密码',
      description: "The logged-in staff account changes its password with the current (or temporary) one. The only route an account that must change its password may use. New password: 8–64 characters, letters and digits, not containing the username, not one of the most common, not the current one. Residents (no password) are refused as 401.",
      auth: 'required',
      body: { schema: 'ChangePasswordRequest', required: true },
      ok: { status: 200, description: 'changed; the account is active everywhere from now on', schema: ref('ChangedPassword') },
      errors: {
        UNAUTHENTICATED: 'no valid token, a deactivated account, or an account without a password (a resident)',
        WRONG_PASSWORD: '`currentPassword` is not the current password',
        PASSWORD_TOO_WEAK: '`details.reason`: too_short, too_long, needs_letters_and_digits, contains_username, too_common, same_as_current',
      },
    },
  },
  '/api/auth/wechat/bind': {
    post: {
      operationId: 'bindStaffWechat',
      tags: ['auth'],
      summary: 'Staff: bind this WeChat · 绑定微信',
      description: "A logged-in staff account binds the WeChat of the phone it is on (the code of `wx.login`); then `POST /api/auth/wechat { code, as: 'staff' }` logs in as this account in one tap. Binding again with the same WeChat answers the account again; a new WeChat replaces the old one. The person's resident account on the same WeChat is not touched. An administrator's password reset removes the binding.",
      auth: 'required',
      body: { schema: 'WechatPhoneRequest', required: true },
      ok: { status: 200, description: 'the account, `wechatBound: true`', schema: ref('StaffAccount') },
      errors: {
        FORBIDDEN: 'not a staff account (residents log in with WeChat already), or deactivated',
        PASSWORD_CHANGE_REQUIRED: 'change the temporary password first',
        WECHAT_ALREADY_BOUND: 'this WeChat is bound to another staff account',
        WECHAT_CODE_INVALID: 'WeChat refused the code: call wx.login again',
        WECHAT_RATE_LIMITED: null,
        WECHAT_USER_BLOCKED: null,
        WECHAT_NOT_CONFIGURED: null,
        WECHAT_UNAVAILABLE: null,
      },
    },
  },
  '/api/auth/wechat/unbind': {
    post: {
      operationId: 'unbindStaffWechat',
      tags: ['auth'],
      summary: 'Staff: unbind WeChat · 解除微信绑定',
      description: 'Removes the WeChat binding of the logged-in staff account (nothing to remove answers the account as it is).',
      auth: 'required',
      ok: { status: 200, description: 'the account, `wechatBound: false`', schema: ref('StaffAccount') },
      errors: {
        FORBIDDEN: 'not a staff account, or deactivated',
        PASSWORD_CHANGE_REQUIRED: 'change the temporary password first',
      },
    },
  },
  '/api/admin/accounts': {
    get: {
      operationId: 'listStaffAccounts',
      tags: ['accounts'],
      summary: 'Admin: staff accounts · 账号管理',
      description: 'Admins: every staff, manager and admin account of their county; managers: the window staff of their centre. Active first, by centre and name. No password hash, no openid.',
      auth: 'required',
      query: { schema: accountListQuery, describe: { center: 'only the accounts of this centre' } },
      ok: { status: 200, description: 'the accounts', schema: ref('StaffAccountList') },
      errors: { FORBIDDEN: 'not an admin or a manager', PASSWORD_CHANGE_REQUIRED: null },
    },
    post: {
      operationId: 'createStaffAccount',
      tags: ['accounts'],
      summary: 'Admin: create an account · 新建账号',
      description: [
        'Admins create staff (`centerId` of a centre in their county), managers (same) and admins (no centre, their county); managers create window staff of their own centre (`centerId` may be left out). The answer carries a temporary password, shown once and never stored in clear: the person must change it at the first login. Audited (`account.create`).',
        'Requires `Idempotency-Key`: a retry answers the account again with `temporaryPassword: null`.',
      ].join('\n\n'),
      auth: 'required',
      idempotent: true,
      body: { schema: 'CreateAccountRequest', required: true },
      ok: { status: 201, description: 'created', schema: ref('AccountWithPassword') },
      errors: {
        FORBIDDEN: 'not an admin or a manager, or the role or centre is outside the caller\'s scope',
        PASSWORD_CHANGE_REQUIRED: null,
        USERNAME_TAKEN: 'the username is in use (in any county)',
        INVALID_ROLE: 'an admin with a centre',
        CENTER_REQUIRED: 'staff or a manager without a centre',
        CENTER_NOT_FOUND: 'no active centre has this id',
      },
    },
  },
  '/api/admin/accounts/{id}': {
    post: {
      operationId: 'updateStaffAccount',
      tags: ['accounts'],
      summary: 'Admin: edit an account · 修改账号',
      description: "Changes the name, role or centre of an account the caller manages; the new role and centre must be in the caller's scope too (a manager can only rename their window staff). Nobody changes their own role or centre. Audited (`account.update`).",
      auth: 'required',
      pathId: 'the account (user id)',
      body: { schema: 'UpdateAccountRequest', required: true },
      ok: { status: 200, description: 'the account', schema: ref('StaffAccount') },
      errors: {
        FORBIDDEN: 'not an admin or a manager, or the new role or centre is outside the scope',
        PASSWORD_CHANGE_REQUIRED: null,
        ACCOUNT_NOT_FOUND: 'no such staff account in the caller\'s scope',
        INVALID_ROLE: null,
        CENTER_REQUIRED: null,
        CENTER_NOT_FOUND: null,
        CANNOT_CHANGE_OWN_ACCOUNT: 'changing one\'s own role or centre',
      },
    },
  },
  '/api/admin/accounts/{id}/reset-password': {
    post: {
      operationId: 'resetStaffPassword',
      tags: ['accounts'],
      summary: 'Admin: reset a password · 重置密码',
      description: 'A new temporary password (shown once), the change forced at the next login, the lock lifted and the WeChat binding removed (a reset is also how a lost phone is handled). Every reset makes a new password, so no Idempotency-Key is needed. Audited (`account.reset_password`).',
      auth: 'required',
      pathId: 'the account (user id)',
      ok: { status: 200, description: 'the account and its temporary password', schema: ref('AccountWithPassword') },
      errors: {
        FORBIDDEN: 'not an admin or a manager',
        PASSWORD_CHANGE_REQUIRED: null,
        ACCOUNT_NOT_FOUND: 'no such staff account in the caller\'s scope',
        CANNOT_CHANGE_OWN_ACCOUNT: 'one\'s own password is changed with POST /api/auth/password',
      },
    },
  },
  '/api/admin/accounts/{id}/deactivate': {
    post: {
      operationId: 'deactivateStaffAccount',
      tags: ['accounts'],
      summary: 'Admin: deactivate · 停用账号',
      description: "Stops the account at once: the database checks `active` on every call, so its tokens are refused from the next request. Deactivating a deactivated account answers it again. Not one's own. Audited (`account.deactivate`).",
      auth: 'required',
      pathId: 'the account (user id)',
      ok: { status: 200, description: 'the account, `active: false`', schema: ref('StaffAccount') },
      errors: {
        FORBIDDEN: 'not an admin or a manager',
        PASSWORD_CHANGE_REQUIRED: null,
        ACCOUNT_NOT_FOUND: 'no such staff account in the caller\'s scope',
        CANNOT_CHANGE_OWN_ACCOUNT: null,
      },
    },
  },
  '/api/admin/accounts/{id}/reactivate': {
    post: {
      operationId: 'reactivateStaffAccount',
      tags: ['accounts'],
      summary: 'Admin: reactivate · 恢复账号',
      description: 'Lets a deactivated account log in again (its password is unchanged). Audited (`account.reactivate`).',
      auth: 'required',
      pathId: 'the account (user id)',
      ok: { status: 200, description: 'the account, `active: true`', schema: ref('StaffAccount') },
      errors: {
        FORBIDDEN: 'not an admin or a manager',
        PASSWORD_CHANGE_REQUIRED: null,
        ACCOUNT_NOT_FOUND: 'no such staff account in the caller\'s scope',
        CANNOT_CHANGE_OWN_ACCOUNT: null,
      },
    },
  },
  '/api/admin/audit-log': {
    get: {
      operationId: 'listAuditLog',
      tags: ['accounts'],
      summary: 'Admin: audit log · 操作记录',
      description: "Who changed what, newest first, 1–100 rows a page: admins see their county's log, managers their centre's. `before` (the last row's id, or `nextBefore`) pages back; `action` filters by prefix (`account.`).",
      auth: 'required',
      query: {
        schema: auditLogQuery,
        describe: { before: 'only rows older than this id', action: 'action prefix, e.g. `account.`', limit: 'page size, 1–100 (default 30)' },
      },
      ok: { status: 200, description: 'one page', schema: ref('AuditPage') },
      errors: { FORBIDDEN: 'not an admin or a manager', PASSWORD_CHANGE_REQUIRED: null },
    },
  },
  '/api/staff/day': {
    get: {
      operationId: 'getStaffDay',
      tags: ['staff'],
      summary: 'Staff: bookings of a day · 今日/明日预约',
      description:
        "Staff and managers: the bookings of their centre on a day (today − 7 … today + 14; default today, Shanghai), by slot, with status, the applicant masked, item, window, the queue ticket and case when there are, counts (pending = waiting for confirmation) and each item's materials checklist.",
      auth: 'required',
      query: { schema: staffDayQuery, describe: { date: 'YYYY-MM-DD (default: today in Shanghai)' } },
      ok: { status: 200, description: 'the day', schema: ref('StaffDay') },
      errors: {
        FORBIDDEN: 'the caller is not staff or a manager of a centre',
        INVALID_DATE_RANGE: 'more than 7 days back or 14 days ahead',
      },
    },
  },
  '/api/staff/bookings/{id}': {
    get: {
      operationId: 'getStaffBooking',
      tags: ['staff'],
      summary: 'Staff: one booking · 预约详情（窗口）',
      description: "Staff and managers of the booking's centre: the booking (applicant masked, no QR payload), its timeline, queue ticket, case and the item's materials checklist.",
      auth: 'required',
      pathId: 'the booking',
      ok: { status: 200, description: 'the booking', schema: ref('StaffBooking') },
      errors: {
        FORBIDDEN: 'the caller is not staff or a manager of a centre',
        BOOKING_NOT_FOUND: "no such booking at the caller's centre",
      },
    },
  },
  '/api/queue': {
    get: {
      operationId: 'getQueue',
      tags: ['queue'],
      summary: 'Staff: the queue · 叫号',
      description:
        "Staff and managers: today's queue of their centre (checked-in bookings and walk-in tickets, one numbering) seen from a window: the person at that window, the waiting line in calling order, the missed, the other windows, counts, and the caller's latest action with its undo deadline. Without `window`, the centre's windows to choose from. Order: `queueAt` then number — a walk-in queues from the ticket; a booked person from the slot start when checked in no later than 15 minutes after it (else from check-in); a person put back from that moment.",
      auth: 'required',
      query: { schema: queueQuery, describe: { window: 'the window (one of `windows`)' } },
      ok: { status: 200, description: 'the queue', schema: ref('QueueBoard') },
      errors: {
        FORBIDDEN: 'the caller is not staff or a manager of a centre',
        WINDOW_NOT_FOUND: "not an active window of the caller's centre",
      },
    },
  },
  '/api/queue/call-next': {
    post: {
      operationId: 'callNext',
      tags: ['queue'],
      summary: 'Staff: call next · 叫下一位',
      description: [
        'Calls the first waiting person this window serves (walk-ins without an item: any window) to the window: status `called`, first call. A booking\'s timeline gets `called { ticket, window, count }` (已叫号). Nobody waiting: `called` is null.',
        'The current person is never dropped: while someone is `called` at this window (not yet served) the answer is 409 `WINDOW_BUSY` — recall, mark missed or put back first. Someone `serving` is finished first only with `finishCurrent: true` (办完了，叫下一位), in the same transaction. Two windows calling at once never get the same person.',
        'Requires `Idempotency-Key`.',
      ].join('\n\n'),
      auth: 'required',
      idempotent: true,
      body: { schema: 'CallNextRequest', required: true },
      ok: { status: 200, description: 'the board and who was called', schema: ref('CallNextResult') },
      errors: {
        FORBIDDEN: 'the caller is not staff or a manager of a centre',
        WINDOW_NOT_FOUND: "not an active window of the caller's centre",
        WINDOW_BUSY: 'someone is called or served at this window (`details.number`, `details.status`, `details.ticketId`)',
      },
    },
  },
  '/api/queue/undo': {
    post: {
      operationId: 'undoQueueAction',
      tags: ['queue'],
      summary: 'Staff: undo my last call · 撤销',
      description: [
        "Takes back the caller's own latest queue action at this window within 2 minutes (both halves of 办完了，叫下一位): the tickets return to what they were, the events stay marked undone and leave the resident's timeline.",
        'Requires `Idempotency-Key`.',
      ].join('\n\n'),
      auth: 'required',
      idempotent: true,
      body: { schema: 'QueueUndoRequest', required: true },
      ok: { status: 200, description: 'the board after the undo', schema: ref('QueueUndoResult') },
      errors: {
        FORBIDDEN: 'the caller is not staff or a manager of a centre',
        WINDOW_NOT_FOUND: "not an active window of the caller's centre",
        NOTHING_TO_UNDO: 'no action at this window today, or the latest was by someone else',
        UNDO_EXPIRED: 'the latest action is more than 2 minutes old',
        QUEUE_UNDO_NOT_POSSIBLE: 'a ticket it changed has changed again since',
      },
    },
  },
  '/api/tickets/{id}/recall': {
    post: {
      operationId: 'recallTicket',
      tags: ['queue'],
      summary: 'Staff: 再叫一次 · 再叫一次',
      description: [
        "A `called` person is called again (at most 3 calls in all; then only 过号). The booking's timeline gets `called` with the count. Today's tickets of the caller's centre only.",
        'Requires `Idempotency-Key`.',
      ].join('\n\n'),
      auth: 'required',
      pathId: 'the ticket',
      idempotent: true,
      ok: { status: 200, description: 'the board and the ticket', schema: ref('TicketActionResult') },
      errors: {
        FORBIDDEN: 'the caller is not staff or a manager of a centre',
        TICKET_NOT_FOUND: "no such ticket today at the caller's centre",
        RECALL_LIMIT_REACHED: 'already called 3 times',
        INVALID_TICKET_TRANSITION: 'not allowed from the ticket\'s status (`details.status`)',
      },
    },
  },
  '/api/tickets/{id}/serve': {
    post: {
      operationId: 'serveTicket',
      tags: ['queue'],
      summary: 'Staff: 开始办理 · 开始办理',
      description: [
        "`called` → `serving`: the person came to the window. Today's tickets of the caller's centre only.",
        'Requires `Idempotency-Key`.',
      ].join('\n\n'),
      auth: 'required',
      pathId: 'the ticket',
      idempotent: true,
      ok: { status: 200, description: 'the board and the ticket', schema: ref('TicketActionResult') },
      errors: {
        FORBIDDEN: 'the caller is not staff or a manager of a centre',
        TICKET_NOT_FOUND: "no such ticket today at the caller's centre",
        INVALID_TICKET_TRANSITION: 'not allowed from the ticket\'s status (`details.status`)',
      },
    },
  },
  '/api/tickets/{id}/finish': {
    post: {
      operationId: 'finishTicket',
      tags: ['queue'],
      summary: 'Staff: 办完了 · 办完了',
      description: [
        "`serving` → `done`; handling time = call → finish (`handlingSeconds`). Today's tickets of the caller's centre only.",
        'Requires `Idempotency-Key`.',
      ].join('\n\n'),
      auth: 'required',
      pathId: 'the ticket',
      idempotent: true,
      ok: { status: 200, description: 'the board and the ticket', schema: ref('TicketActionResult') },
      errors: {
        FORBIDDEN: 'the caller is not staff or a manager of a centre',
        TICKET_NOT_FOUND: "no such ticket today at the caller's centre",
        INVALID_TICKET_TRANSITION: 'not allowed from the ticket\'s status (`details.status`)',
      },
    },
  },
  '/api/tickets/{id}/missed': {
    post: {
      operationId: 'missTicket',
      tags: ['queue'],
      summary: 'Staff: 过号 · 过号',
      description: [
        "`called` → `missed`: the person did not come; the window is free. The booking's timeline gets `missed`. Today's tickets of the caller's centre only.",
        'Requires `Idempotency-Key`.',
      ].join('\n\n'),
      auth: 'required',
      pathId: 'the ticket',
      idempotent: true,
      ok: { status: 200, description: 'the board and the ticket', schema: ref('TicketActionResult') },
      errors: {
        FORBIDDEN: 'the caller is not staff or a manager of a centre',
        TICKET_NOT_FOUND: "no such ticket today at the caller's centre",
        INVALID_TICKET_TRANSITION: 'not allowed from the ticket\'s status (`details.status`)',
      },
    },
  },
  '/api/tickets/{id}/requeue': {
    post: {
      operationId: 'requeueTicket',
      tags: ['queue'],
      summary: 'Staff: 放回排队 · 放回排队',
      description: [
        "`missed` or `called` → `waiting`, queuing from now (behind those whose time has come). The booking's timeline gets `requeued`. Today's tickets of the caller's centre only.",
        'Requires `Idempotency-Key`.',
      ].join('\n\n'),
      auth: 'required',
      pathId: 'the ticket',
      idempotent: true,
      ok: { status: 200, description: 'the board and the ticket', schema: ref('TicketActionResult') },
      errors: {
        FORBIDDEN: 'the caller is not staff or a manager of a centre',
        TICKET_NOT_FOUND: "no such ticket today at the caller's centre",
        INVALID_TICKET_TRANSITION: 'not allowed from the ticket\'s status (`details.status`)',
      },
    },
  },
};

// ---------------------------------------------------------------------------------------
// Centre configuration (managers and county admins) and the public staff notice

function centerConfigOperations(): Record<string, Partial<Record<'get' | 'post' | 'delete', Op>>> {
  const scope = 'Managers configure their own centre, county admins any centre of their county; anyone else is 403 `FORBIDDEN` (checked by the database). Every change writes an audit row.';
  const param = (name: string, what: string): Json => ({ name, in: 'path', required: true, description: `id of ${what} (UUID)`, schema: uuid });
  const cfg = (description: string) => ({ status: 200, description, schema: ref('CenterConfig') });
  const change = (operationId: string, summary: string, description: string, body: string, errors: Errors, extra: Partial<Op> = {}): Op => ({
    operationId, tags: ['manage'], summary, description: `${description}\n\n${scope}`, auth: 'required', pathId: 'the centre',
    body: { schema: body, required: true }, ok: cfg('the centre configuration after the change'),
    errors: { FORBIDDEN: null, CENTER_NOT_FOUND: 'an admin names a centre that does not exist', ...errors }, ...extra,
  });
  const capacityErrors: Errors = { WINDOW_NOT_FOUND: 'no such window at this centre', INVALID_SESSION: null, SESSIONS_OVERLAP: null };
  return {
    '/api/manage/centers': {
      get: {
        operationId: 'listManagedCenters', tags: ['manage'], summary: 'Centres I manage · 我管理的中心',
        description: "A manager's own centre; a county admin's every centre of the county.", auth: 'required',
        ok: { status: 200, description: 'the centres', schema: ref('ManagedCenters') }, errors: { FORBIDDEN: 'not a manager or admin' },
      },
    },
    '/api/manage/centers/{id}': {
      get: {
        operationId: 'getCenterConfig', tags: ['manage'], summary: 'Centre configuration · 中心设置',
        description: `Hours, windows and their items, the county's items with whether this centre handles them, templates, overrides and closures from today, booking rules, staff profiles, and how many bookings are to come.\n\n${scope}`,
        auth: 'required', pathId: 'the centre', ok: cfg('the configuration'),
        errors: { FORBIDDEN: null, CENTER_NOT_FOUND: 'an admin names a centre that does not exist' },
      },
    },
    '/api/manage/centers/{id}/hours': {
      post: change('setOpeningHours', 'Opening hours · 开放时间', 'Replaces the weekly sessions residents read (HH:mm, opens before closes, no overlap on a day). Bookable slots come from the capacity templates.', 'HoursRequest', { INVALID_HOURS: null, HOURS_OVERLAP: null }),
    },
    '/api/manage/centers/{id}/windows': {
      post: change('createWindow', 'New window · 新增窗口', 'A window with its number, name and the items it serves (only items enabled at the centre). Requires `Idempotency-Key`.', 'CreateWindowRequest',
        { WINDOW_NUMBER_TAKEN: null, ITEM_NOT_OFFERED: 'an item the centre does not handle', IDEMPOTENCY_KEY_REUSED: null }, { idempotent: true, ok: { status: 201, description: 'the configuration with the new window', schema: ref('CenterConfig') } }),
    },
    '/api/manage/centers/{id}/windows/{windowId}': {
      post: change('updateWindow', 'Change a window · 修改窗口', 'Rename, (de)activate, or set the items served. Deactivating a window with bookings to come, or taking an item with bookings to come away from it, is refused with how many.', 'UpdateWindowRequest',
        { WINDOW_NOT_FOUND: null, ITEM_NOT_OFFERED: 'an item the centre does not handle', HAS_FUTURE_BOOKINGS: null }, { extraParameters: [param('windowId', 'the window')] }),
    },
    '/api/manage/centers/{id}/items': {
      post: change('setCenterItem', 'Handle an item here · 启用/停用事项', 'Enabling adds the item to every active window; disabling is refused while bookings for it are to come (`details.count`, `details.first`).', 'CenterItemRequest',
        { ITEM_NOT_FOUND: 'not a published item of the county', HAS_FUTURE_BOOKINGS: null }, { ok: { status: 200, description: 'the item and its new state', schema: ref('CenterItemResult') } }),
    },
    '/api/manage/centers/{id}/capacity': {
      post: change('setCapacityTemplates', 'Capacity template · 号源模板', "Replaces a window's sessions on the given weekdays (slot length, seats, walk-in seats). Future slots follow at once; a slot never drops below its booked seats (they are kept and listed in `reconciled.kept`); past slots are untouched.", 'TemplatesRequest', capacityErrors),
    },
    '/api/manage/centers/{id}/overrides': {
      post: change('setCapacityOverride', 'Sessions on one date · 单日号源', "Replaces a window's sessions on one date; no sessions = back to the weekly template. Same rules for booked seats.", 'OverrideRequest', { ...capacityErrors, DATE_IN_PAST: null }),
    },
    '/api/manage/centers/{id}/closures': {
      post: change('addClosure', 'Close days · 停办', 'Closes the centre (or one window) from `from` to `to` with the reason residents see. Days with active bookings are refused (`details.count`, `details.dates`) unless `cancelAffected`: then those bookings are cancelled with the reason, and the resident sees it in the timeline.', 'ClosureRequest',
        { DATE_IN_PAST: null, INVALID_DATE_RANGE: 'more than 93 days', WINDOW_NOT_FOUND: null, CLOSURE_HAS_BOOKINGS: null }),
    },
    '/api/manage/centers/{id}/closures/remove': {
      post: change('removeClosure', 'Reopen a day · 取消停办', "Removes one closed day; the day's slots come back from the templates.", 'RemoveClosureRequest', { CLOSURE_NOT_FOUND: null }),
    },
    '/api/manage/centers/{id}/rules': {
      post: change('setBookingRules', 'Booking rules · 预约规则', 'Any of: days ahead, booking and cancel cut-off hours, weekly and monthly caps, re-book block, no-show grace, limit, window and restriction days. Applies to bookings made from now on.', 'RulesRequest', { INVALID_RULES: null }),
    },
    '/api/manage/centers/{id}/staff': {
      post: change('createStaffProfile', 'Add staff to the notice · 新增在岗人员', 'Name, post (岗位) and regular duty weekdays. Not public until consent is recorded. Requires `Idempotency-Key`.', 'CreateStaffRequest', { IDEMPOTENCY_KEY_REUSED: null },
        { idempotent: true, ok: { status: 201, description: 'the configuration with the new profile', schema: ref('CenterConfig') } }),
    },
    '/api/manage/centers/{id}/staff/{staffId}': {
      post: change('updateStaffProfile', 'Change staff · 修改在岗人员', 'Profile fields, `consent` (true records it with the time; false withdraws it and hides the profile at once), `today` (on or off duty today only; null = back to the weekly days). The name is never written to the audit log.', 'UpdateStaffRequest',
        { STAFF_PROFILE_NOT_FOUND: null }, { extraParameters: [param('staffId', 'the staff profile')] }),
    },
    '/api/manage/centers/{id}/staff/{staffId}/photo': {
      post: change('setStaffPhoto', 'Staff photo · 上传照片', 'A JPEG or PNG, base64, at most 200 KB, checked by its bytes.', 'PhotoRequest',
        { STAFF_PROFILE_NOT_FOUND: null, INVALID_PHOTO: null }, { extraParameters: [param('staffId', 'the staff profile')] }),
      delete: {
        operationId: 'removeStaffPhoto', tags: ['manage'], summary: 'Remove the photo · 删除照片', description: scope, auth: 'required', pathId: 'the centre',
        extraParameters: [param('staffId', 'the staff profile')], ok: cfg('the configuration without the photo'),
        errors: { FORBIDDEN: null, CENTER_NOT_FOUND: null, STAFF_PROFILE_NOT_FOUND: null },
      },
    },
    '/api/centers/{id}/on-duty': {
      get: {
        operationId: 'getOnDuty', tags: ['catalogue'], summary: 'Staff on duty today · 今日在岗',
        description: "Today's staff on duty at a centre (Shanghai date): name, post and photo URL, only of staff whose consent is recorded and not withdrawn. `Cache-Control: public, max-age=60`.",
        auth: 'none', pathId: 'the centre', ok: { status: 200, description: 'who is on duty', schema: ref('OnDuty') }, errors: { CENTER_NOT_FOUND: null },
      },
    },
    '/api/staff-photos/{id}': {
      get: {
        operationId: 'getStaffPhoto', tags: ['catalogue'], summary: 'Staff photo · 工作人员照片',
        description: 'The image with its own `Content-Type` (image/jpeg or image/png), an `ETag` and `Cache-Control: public, no-cache` (revalidated each time: `If-None-Match` gives 304), so a withdrawn consent takes effect at once. 404 when there is no photo or it may not be shown.',
        auth: 'none', pathId: 'the staff profile', ok: { status: 200, description: 'the image', schema: { type: 'string', contentMediaType: 'image/*' }, contentType: 'image/*' },
        errors: { PHOTO_NOT_FOUND: 'no photo, no consent, consent withdrawn, or the profile is inactive' },
      },
    },
  };
}
