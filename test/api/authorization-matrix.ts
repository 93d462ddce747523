// The authorization matrix: for EVERY operation of the OpenAPI document (server/http/openapi.ts)
// the outcome for every kind of caller. test/api/authorization-matrix.test.ts sends each request
// for real and fails when an operation has no row here.
//
// ADDING AN ENDPOINT = ONE LINE in ROWS:
//   row('POST /api/things/{id}/do', 'ok: staffX managerX | 404: staffY managerY | 403: *', { body: {...} })
// Expectation syntax: groups `outcome: callers` separated by `|`.
//   outcomes: ok (the request passed authorization: any answer but 401, 403 and 404 — a 409 or
//             422 about the thing's state still counts as allowed), 401, 403, 404 (not found /
//             not yours: the target exists but is not visible to the caller);
//   callers:  names from CALLERS, or * = every caller not named in another group.
//   Unless a row names them, these are implied for routes that need a login (not for `ok: *`):
//     anon 401 (no token), deactivated 401 (its old token), mustChange 403
//     (PASSWORD_CHANGE_REQUIRED: the account may only change its password).
// Request: `{id}` is replaced by the fixture of the path (bookings → a resident's booking at
// centre X today, cases → a case accepted at centre X, admin/accounts → a window staff account
// of centre X, centers → centre X, items → an item of centre X); `body` / `query` may be values
// or functions of the fixtures. POSTs always carry a fresh Idempotency-Key.

/** a 1×1 PNG, for the photo upload */
export const TINY_PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

export const CALLERS = [
  'anon', // no token
  'resident', // 王秀英, demo resident (the applicant of the fixture booking)
  'family', // 李强, linked family of the resident
  'agent', // 赵红梅, village agent with the resident as client
  'staffX', // 周敏, window staff of centre X (沙河镇)
  'staffY', // window staff of centre Y (another centre of the county)
  'managerX', // 刘军, manager of centre X
  'managerY', // manager of centre Y
  'admin', // county admin of 511922
  'adminOther', // county admin of another county (511921)
  'deactivated', // window staff of X, deactivated after logging in (its token is kept)
  'mustChange', // window staff of X, logged in with the temporary password, not changed yet
] as const;
export type CallerName = (typeof CALLERS)[number];
export type Outcome = 'ok' | 401 | 403 | 404;

export interface Fixtures {
  centerX: string;
  centerY: string;
  item: string;
  /** the resident's booking at X today (booked, not checked in) */
  booking: { id: string; code: string; slotStart: string };
  /** an open slot start at X today, for booking and rescheduling */
  slotStart: string;
  /** a case accepted at X */
  caseId: string;
  /** a window staff account of X (the target of the account administration) */
  account: string;
  /** the catalogue: the fixture item's code, a department and a bundle with their codes */
  itemCode: string;
  departmentId: string;
  departmentCode: string;
  bundleCode: string;
  /** a walk-in ticket waiting at X today */
  ticketX: string;
  /** a published 一件事 bundle */
  bundle: string;
  /** a window of X, and a consented staff profile of X with a photo */
  windowX: string;
  staffProfileX: string;
  /** closures of X made for the callers allowed to remove one (each removes its own) */
  closureFor(caller: CallerName): string;
  /** fresh values per request */
  unique(): string;
  wechatCode(): string;
  phoneCode(): string;
}

type Value<T> = T | ((fx: Fixtures, caller: CallerName) => T);
export interface RequestSpec {
  /** JSON, or a Buffer sent as a file (application/octet-stream) */
  body?: Value<Record<string, unknown> | Buffer>;
  query?: Value<string>;
  /** replaces the path's `{id}` (default: the fixture of the path) */
  id?: Value<string>;
  /** replaces other `{name}` placeholders of the path */
  params?: Value<Record<string, string>>;
}

export interface Row {
  operation: string;
  expected: Record<CallerName, Outcome>;
  request: RequestSpec;
}

const IMPLIED_FOR_LOGIN: Partial<Record<CallerName, Outcome>> = { anon: 401, deactivated: 401, mustChange: 403 };

/** Parse `ok: a b | 403: *` into an outcome per caller. */
export function parseExpectation(spec: string): Record<CallerName, Outcome> {
  const out: Partial<Record<CallerName, Outcome>> = {};
  let rest: Outcome | undefined;
  for (const group of spec.split('|')) {
    const m = /^\s*(ok|401|403|404)\s*:\s*(.+?)\s*$/.exec(group);
    if (!m) throw new Error(`authorization matrix: cannot read "${group}" in "${spec}"`);
    const outcome = (m[1] === 'ok' ? 'ok' : Number(m[1])) as Outcome;
    for (const name of m[2]!.split(/\s+/)) {
      if (name === '*') rest = outcome;
      else if ((CALLERS as readonly string[]).includes(name)) out[name as CallerName] = outcome;
      else throw new Error(`authorization matrix: unknown caller "${name}" in "${spec}"`);
    }
  }
  const everyoneOk = rest === 'ok' && Object.keys(out).length === 0;
  for (const c of CALLERS) {
    if (out[c] !== undefined) continue;
    const implied = everyoneOk ? undefined : IMPLIED_FOR_LOGIN[c];
    const outcome = implied ?? rest;
    if (outcome === undefined) throw new Error(`authorization matrix: no outcome for ${c} in "${spec}"`);
    out[c] = outcome;
  }
  return out as Record<CallerName, Outcome>;
}

function row(operation: string, expectation: string, request: RequestSpec = {}): Row {
  return { operation, expected: parseExpectation(expectation), request };
}

const PUBLIC = 'ok: *';
const ANY_ACCOUNT = 'ok: resident family agent staffX staffY managerX managerY admin adminOther';
const CENTRE_X_STAFF = 'ok: staffX managerX | 404: staffY managerY | 403: *';
const CASE_STAFF = 'ok: staffX managerX | 404: staffY managerY | 403: *';
const ACCOUNT_ADMIN = 'ok: managerX admin | 404: managerY adminOther | 403: *';
const AUDIT_READERS = 'ok: managerX managerY admin adminOther | 403: *';
const STAFF_ACCOUNTS = 'ok: staffX staffY managerX managerY admin adminOther | 403: resident family agent';

const COUNTY_ADMINS = 'ok: admin adminOther | 403: *';
const OWN_COUNTY_ADMIN = 'ok: admin | 404: adminOther | 403: *';
const catalogueItem = (code: string, departmentCode: string) => ({
  code, name: '矩阵测试事项', category: 'convenience', departmentCode, handlingMode: 'immediate', legalDays: 1, promisedDays: 0,
  summary: '矩阵测试', conditions: '矩阵测试', maxVisits: 1, materials: [{ name: '居民身份证', form: 'original' }],
});
const CENTRE_X_MANAGERS = 'ok: managerX admin | 403: *';
// no follow-up exists in the fixtures: allowed callers reach the lookup (404 RECTIFICATION_NOT_FOUND),
// everyone else is refused before it; closing one is tested in rating-follow-up.test.ts
const NO_SUCH_FOLLOW_UP = '00000000-0000-4000-8000-0000000000aa';
const NO_SUCH_NOTIFICATION = '00000000-0000-4000-8000-0000000000bb';
const sessions = [{ starts: '08:30', ends: '12:00', slotMinutes: 30, seats: 2, walkInSeats: 1 }];

const staffBody = (fx: Fixtures, c: CallerName) => ({ username: `m-${c.toLowerCase()}-${fx.unique()}`, displayName: '矩阵测试', role: 'staff', centerId: fx.centerX });

export const ROWS: Row[] = [
  // system and catalogue: no login
  row('GET /api/health', PUBLIC),
  row('GET /api/openapi.json', PUBLIC),
  row('GET /api/centers', PUBLIC),
  row('GET /api/centers/{id}', PUBLIC),
  row('GET /api/items', PUBLIC),
  row('GET /api/items/{id}', PUBLIC),
  row('GET /api/catalogue/facets', PUBLIC),
  row('GET /api/availability', PUBLIC, { query: (fx) => `center=${fx.centerX}&item=${fx.item}&from=2026-12-01&to=2026-12-02` }),
  // the resident's bookings
  row('GET /api/bookings', ANY_ACCOUNT),
  // accounts made by administration have no person of their own to book for (403 APPLICANT_NOT_LINKED); the seeded demo staff have one
  row('POST /api/bookings', 'ok: resident family agent staffX managerX admin | 403: staffY managerY adminOther', { body: (fx) => ({ centerId: fx.centerX, itemId: fx.item, slotStart: fx.slotStart }) }),
  row('GET /api/bookings/{id}', 'ok: resident family agent staffX managerX admin | 404: *'),
  row('POST /api/bookings/{id}/reminders', 'ok: resident family agent | 404: *', { body: { templateIds: ['tmplA'], accepted: ['tmplA'] } }),
  row('POST /api/bookings/{id}/reschedule', 'ok: resident family agent | 404: *', { body: (fx) => ({ slotStart: fx.slotStart }) }),
  row('POST /api/bookings/{id}/rating', 'ok: resident family | 403: agent staffX managerX admin | 404: *', { body: { level: 5, indicators: [] } }),
  row('POST /api/bookings/{id}/cancel', 'ok: resident family agent | 404: *'),
  // the window
  row('GET /api/bookings/verify', 'ok: staffX managerX admin | 404: staffY managerY adminOther | 403: *', { query: (fx) => `code=${fx.booking.code}` }),
  row('POST /api/bookings/check-in', CENTRE_X_STAFF, { body: (fx) => ({ code: fx.booking.code }) }),
  row('POST /api/bookings/{id}/confirm', CENTRE_X_STAFF),
  row('POST /api/bookings/{id}/decline', CENTRE_X_STAFF, { body: { reason: '矩阵测试' } }),
  row('POST /api/tickets', 'ok: staffX staffY managerX managerY | 403: *', { body: {} }),
  // cases
  row('POST /api/cases', 'ok: staffX managerX | 404: staffY managerY | 403: *', { body: (fx) => ({ bookingId: fx.booking.id }) }),
  row('GET /api/cases/{id}', 'ok: resident family agent staffX managerX admin | 404: *'),
  row('POST /api/cases/{id}/supplement', CASE_STAFF, { body: { missing: ['户口簿'] } }),
  row('POST /api/cases/{id}/supplemented', CASE_STAFF, { body: {} }),
  row('POST /api/cases/{id}/forward', CASE_STAFF, { body: {} }),
  row('POST /api/cases/{id}/complete', CASE_STAFF, { body: {} }),
  row('POST /api/cases/{id}/reject', CASE_STAFF, { body: { reason: '矩阵测试' } }),
  row('POST /api/cases/{id}/undo', CASE_STAFF),
  // login and the own account
  row('POST /api/auth/dev-login', PUBLIC, { body: { login: 'resident' } }),
  row('POST /api/auth/wechat', PUBLIC, { body: (fx) => ({ code: fx.wechatCode() }) }),
  row('POST /api/auth/login', PUBLIC, { body: { username: 'zhoumin', password: 'bmfw2026' } }),
  // the number is stored for the account's own person: accounts made by administration have none (answered 401, see docs/decisions.md)
  row('POST /api/auth/wechat/phone', 'ok: resident family agent staffX managerX admin | 401: staffY managerY adminOther', { body: (fx) => ({ code: fx.phoneCode() }) }),
  row('GET /api/me', ANY_ACCOUNT),
  // the only route open to mustChange; residents have no password
  row('POST /api/auth/password', 'ok: staffX staffY managerX managerY admin adminOther mustChange | 401: resident family agent', { body: { currentPassword: 'not-the-password1', newPassword: 'whatever2027' } }),
  row('POST /api/auth/wechat/bind', STAFF_ACCOUNTS, { body: (fx) => ({ code: fx.wechatCode() }) }),
  row('POST /api/auth/wechat/unbind', STAFF_ACCOUNTS),
  // account administration and the audit log
  row('GET /api/admin/accounts', AUDIT_READERS),
  row('POST /api/admin/accounts', 'ok: managerX admin | 403: *', { body: staffBody }),
  row('POST /api/admin/accounts/{id}', ACCOUNT_ADMIN, { body: { displayName: '矩阵改名' } }),
  row('POST /api/admin/accounts/{id}/reset-password', ACCOUNT_ADMIN),
  row('POST /api/admin/accounts/{id}/deactivate', ACCOUNT_ADMIN),
  row('POST /api/admin/accounts/{id}/reactivate', ACCOUNT_ADMIN),
  row('GET /api/admin/audit-log', AUDIT_READERS),
  // 一件事 bundles: public
  row('GET /api/bundles', PUBLIC),
  row('GET /api/bundles/{id}', PUBLIC),
  // centre configuration: the centre's manager and the county admin
  row('GET /api/manage/centers', 'ok: managerX managerY admin adminOther | 403: *'),
  row('GET /api/manage/centers/{id}', CENTRE_X_MANAGERS),
  row('POST /api/manage/centers/{id}/hours', CENTRE_X_MANAGERS, {
    body: { hours: [1, 2, 3, 4, 5, 6].flatMap((weekday) => [{ weekday, opens: '08:30', closes: '12:00' }, { weekday, opens: '14:00', closes: '17:30' }]) },
  }),
  row('POST /api/manage/centers/{id}/windows', CENTRE_X_MANAGERS, { body: (fx, c) => ({ number: c === 'managerX' ? 41 : 42, name: `矩阵窗口${fx.unique()}`.slice(0, 20) }) }),
  row('POST /api/manage/centers/{id}/windows/{windowId}', CENTRE_X_MANAGERS, { params: (fx) => ({ windowId: fx.windowX }), body: { name: '1号综合窗口' } }),
  row('POST /api/manage/centers/{id}/items', CENTRE_X_MANAGERS, { body: (fx) => ({ itemId: fx.item, enabled: true }) }),
  row('POST /api/manage/centers/{id}/capacity', CENTRE_X_MANAGERS, { body: (fx) => ({ windowId: fx.windowX, weekdays: [1, 2, 3, 4, 5], sessions }) }),
  row('POST /api/manage/centers/{id}/overrides', CENTRE_X_MANAGERS, { body: (fx) => ({ windowId: fx.windowX, date: '2026-12-28', sessions }) }),
  row('POST /api/manage/centers/{id}/closures', CENTRE_X_MANAGERS, { body: { from: '2027-01-20', to: '2027-01-20', reason: '矩阵测试停办' } }),
  row('POST /api/manage/centers/{id}/closures/remove', CENTRE_X_MANAGERS, { body: (fx, c) => ({ closureId: fx.closureFor(c) }) }),
  row('POST /api/manage/centers/{id}/rules', CENTRE_X_MANAGERS, { body: { weeklyCap: 2, monthlyCap: 6 } }),
  row('POST /api/manage/centers/{id}/staff', CENTRE_X_MANAGERS, { body: { name: '矩阵', post: '综合窗口' } }),
  row('POST /api/manage/centers/{id}/staff/{staffId}', CENTRE_X_MANAGERS, { params: (fx) => ({ staffId: fx.staffProfileX }), body: { post: '民政窗口' } }),
  row('POST /api/manage/centers/{id}/staff/{staffId}/photo', CENTRE_X_MANAGERS, { params: (fx) => ({ staffId: fx.staffProfileX }), body: { contentType: 'image/png', data: TINY_PNG } }),
  // the public notice of who is on duty, and their photos (consented ones only)
  row('GET /api/centers/{id}/on-duty', PUBLIC),
  row('GET /api/staff-photos/{id}', PUBLIC, { id: (fx) => fx.staffProfileX }),
  // (after the photo is read: rows run in this order)
  row('DELETE /api/manage/centers/{id}/staff/{staffId}/photo', CENTRE_X_MANAGERS, { params: (fx) => ({ staffId: fx.staffProfileX }) }),
  // 好差评 follow-up: managers (their centre) and county admins
  row('GET /api/manage/ratings', 'ok: managerX managerY admin adminOther | 403: *'),
  row('POST /api/manage/rectifications/{id}/close', '404: managerX managerY admin adminOther | 403: *', { id: NO_SUCH_FOLLOW_UP, body: { resolution: '已电话联系群众' } }),
  // the window staff's workbench: their own centre's day and queue
  row('GET /api/staff/day', 'ok: staffX staffY managerX managerY | 403: *'),
  row('GET /api/staff/bookings/{id}', CENTRE_X_STAFF, { id: (fx) => fx.booking.id }),
  row('GET /api/queue', 'ok: staffX staffY managerX managerY | 403: *'),
  row('POST /api/queue/call-next', CENTRE_X_STAFF, { body: (fx) => ({ windowId: fx.windowX }) }),
  row('POST /api/queue/undo', CENTRE_X_STAFF, { body: (fx) => ({ windowId: fx.windowX }) }),
  row('POST /api/tickets/{id}/recall', CENTRE_X_STAFF, { id: (fx) => fx.ticketX }),
  row('POST /api/tickets/{id}/serve', CENTRE_X_STAFF, { id: (fx) => fx.ticketX }),
  row('POST /api/tickets/{id}/finish', CENTRE_X_STAFF, { id: (fx) => fx.ticketX }),
  row('POST /api/tickets/{id}/missed', CENTRE_X_STAFF, { id: (fx) => fx.ticketX }),
  row('POST /api/tickets/{id}/requeue', CENTRE_X_STAFF, { id: (fx) => fx.ticketX }),
  // catalogue administration: county admins, each in their own county
  row('GET /api/admin/catalogue/items', COUNTY_ADMINS),
  // (another county's admin: its county has no department of that code, 404 DEPARTMENT_NOT_FOUND)
  row('POST /api/admin/catalogue/items', 'ok: admin | 404: adminOther | 403: *', { body: (fx, c) => catalogueItem(`MX-${c.slice(0, 4).toUpperCase()}-${fx.unique()}`.slice(0, 40), fx.departmentCode) }),
  row('GET /api/admin/catalogue/items/{id}', OWN_COUNTY_ADMIN),
  row('PUT /api/admin/catalogue/items/{id}', OWN_COUNTY_ADMIN, { body: (fx) => catalogueItem(fx.itemCode, fx.departmentCode) }),
  row('POST /api/admin/catalogue/items/{id}/publish', OWN_COUNTY_ADMIN, { body: { published: true } }),
  row('GET /api/admin/catalogue/departments', COUNTY_ADMINS),
  row('POST /api/admin/catalogue/departments', COUNTY_ADMINS, { body: (fx) => ({ code: `mx_${fx.unique()}`.toLowerCase(), name: '矩阵部门' }) }),
  row('PUT /api/admin/catalogue/departments/{id}', OWN_COUNTY_ADMIN, { id: (fx) => fx.departmentId, body: (fx) => ({ code: fx.departmentCode, name: '矩阵改名部门' }) }),
  row('GET /api/admin/catalogue/bundles', COUNTY_ADMINS),
  // (another county's admin: allowed, its county has no item of that code, 422 ITEM_CODES_UNKNOWN)
  row('POST /api/admin/catalogue/bundles', COUNTY_ADMINS, { body: (fx) => ({ code: `MX-${fx.unique()}`.slice(0, 40), name: '矩阵一件事', summary: '矩阵', itemCodes: [fx.itemCode] }) }),
  row('PUT /api/admin/catalogue/bundles/{id}', OWN_COUNTY_ADMIN, { id: (fx) => fx.bundle, body: (fx) => ({ code: fx.bundleCode, name: '矩阵一件事', summary: '矩阵', itemCodes: [fx.itemCode] }) }),
  row('POST /api/admin/catalogue/import', COUNTY_ADMINS, { query: 'dryRun=true', body: Buffer.from('\ufeff事项编码,事项名称\nMX-1,矩阵\n', 'utf8') }),
  row('GET /api/admin/catalogue/export', COUNTY_ADMINS, { query: 'format=csv' }),
  // the scheduler's job: a CRON_SECRET, never a user token
  row('GET /api/jobs/no-shows', '403: anon deactivated mustChange *'),
  row('GET /api/jobs/notifications', '403: anon deactivated mustChange *'),
  // 消息: everyone their own inbox; another's notification (or none) is not found
  row('GET /api/notifications', ANY_ACCOUNT),
  row('GET /api/notifications/unread', ANY_ACCOUNT),
  row('POST /api/notifications/{id}/read', '404: *', { id: NO_SUCH_NOTIFICATION }),
  row('POST /api/notifications/read-all', ANY_ACCOUNT),
  row('GET /api/me/notification-settings', ANY_ACCOUNT),
  row('PUT /api/me/notification-settings', ANY_ACCOUNT, { body: { quietHours: true } }),
  row('POST /api/me/subscriptions', ANY_ACCOUNT, { body: { templateIds: ['tplMatrix0001'], accepted: ['tplMatrix0001'] } }),
  // delivery and dead letters: county admins, each their own county
  row('GET /api/admin/notifications', COUNTY_ADMINS),
  row('POST /api/admin/notifications/{id}/retry', '404: admin adminOther | 403: *', { id: NO_SUCH_NOTIFICATION }),
];
