// Centre configuration over HTTP (managers their centre, county admins any centre of their
// county: scope is checked by the database), the public staff-on-duty notice and staff photos,
// and (server/cases/follow-up-routes) the 好差评 follow-up of managers.
import { followUpOperations } from '../cases/follow-up-routes';
import { centerConfig, centerItemResult, managedCenters, onDuty as onDutyShape } from '../contract/center-config';
import { headerValue, idempotencyKey, jsonBody, requireLogin, uuidParam, validate } from '../http/handler';
import { type Errors, type Operation, operation } from '../http/operation';
import {
  centerItemBody, closureBody, createStaffBody, createWindowBody, hoursBody, overrideBody, photoBody, removeClosureBody,
  rulesBody, templatesBody, updateStaffBody, updateWindowBody,
} from './config-requests';
import {
  addClosure, createStaff, createWindow, getConfig, listManagedCenters, onDuty, removeClosure, setCenterItem, setOpeningHours,
  setOverride, setRules, setStaffPhoto, setTemplates, staffPhoto, updateStaff, updateWindow,
} from './config-service';

const SCOPE =
  'Managers configure their own centre, county admins any centre of their county; anyone else is 403 `FORBIDDEN` (checked by the database). Every change writes an audit row.';

const scoped = (description: string) => `${description}\n\n${SCOPE}`;
const afterChange = { status: 200, description: 'the centre configuration after the change', schema: centerConfig };
const scopeErrors: Errors = { FORBIDDEN: null, PASSWORD_CHANGE_REQUIRED: null, CENTER_NOT_FOUND: 'an admin names a centre that does not exist' };
const capacityErrors: Errors = { WINDOW_NOT_FOUND: 'no such window at this centre', INVALID_SESSION: null, SESSIONS_OVERLAP: null };
const noStore = { 'Cache-Control': { schema: { const: 'no-store' } } };

export const configOperations: Operation[] = [
  operation({
    method: 'get',
    path: '/api/manage/centers',
    operationId: 'listManagedCenters',
    tags: ['manage'],
    summary: 'Centres I manage · 我管理的中心',
    description: "A manager's own centre; a county admin's every centre of the county. Not cached.",
    auth: 'required',
    ok: { status: 200, description: 'the centres', schema: managedCenters, headers: noStore },
    errors: { FORBIDDEN: 'not a manager or admin', PASSWORD_CHANGE_REQUIRED: null },
    handle: async (ctx) => ({ body: await listManagedCenters(ctx.app, requireLogin(ctx)), headers: { 'Cache-Control': 'no-store' } }),
  }),
  operation({
    method: 'get',
    path: '/api/manage/centers/{id}',
    operationId: 'getCenterConfig',
    tags: ['manage'],
    summary: 'Centre configuration · 中心设置',
    description: scoped(
      "Hours, windows and their items, the county's items with whether this centre handles them, templates, overrides and closures from today, booking rules (snake_case, as stored), staff profiles, and how many bookings are to come. Not cached.",
    ),
    auth: 'required',
    pathId: 'the centre',
    ok: { status: 200, description: 'the configuration', schema: centerConfig, headers: noStore },
    errors: scopeErrors,
    handle: async (ctx) => ({
      body: await getConfig(ctx.app, requireLogin(ctx), uuidParam(ctx.req), ctx.now),
      headers: { 'Cache-Control': 'no-store' },
    }),
  }),
  operation({
    method: 'post',
    path: '/api/manage/centers/{id}/hours',
    operationId: 'setOpeningHours',
    tags: ['manage'],
    summary: 'Opening hours · 开放时间',
    description: scoped('Replaces the weekly sessions residents read (HH:mm, opens before closes, no overlap on a day). Bookable slots come from the capacity templates.'),
    auth: 'required',
    pathId: 'the centre',
    body: { schema: hoursBody, name: 'HoursRequest', required: true },
    ok: afterChange,
    errors: { ...scopeErrors, INVALID_HOURS: null, HOURS_OVERLAP: null },
    handle: async (ctx) => {
      const caller = requireLogin(ctx);
      const body = validate(hoursBody, jsonBody(ctx.req));
      return { body: await setOpeningHours(ctx.app, caller, uuidParam(ctx.req), body, ctx.now) };
    },
  }),
  operation({
    method: 'post',
    path: '/api/manage/centers/{id}/windows',
    operationId: 'createWindow',
    tags: ['manage'],
    summary: 'New window · 新增窗口',
    description: scoped('A window with its number, name and the items it serves (only items enabled at the centre). Requires `Idempotency-Key`.'),
    auth: 'required',
    pathId: 'the centre',
    idempotent: true,
    body: { schema: createWindowBody, name: 'CreateWindowRequest', required: true },
    ok: { status: 201, description: 'the configuration with the new window', schema: centerConfig },
    errors: { ...scopeErrors, WINDOW_NUMBER_TAKEN: null, ITEM_NOT_OFFERED: 'an item the centre does not handle' },
    handle: async (ctx) => {
      const caller = requireLogin(ctx);
      const centerId = uuidParam(ctx.req);
      const key = idempotencyKey(ctx.req);
      const body = validate(createWindowBody, jsonBody(ctx.req));
      return { status: 201, body: await createWindow(ctx.app, caller, centerId, body, key, ctx.now) };
    },
  }),
  operation({
    method: 'post',
    path: '/api/manage/centers/{id}/windows/{windowId}',
    operationId: 'updateWindow',
    tags: ['manage'],
    summary: 'Change a window · 修改窗口',
    description: scoped(
      'Rename, (de)activate, or set the items served. Deactivating a window with bookings to come, or taking an item with bookings to come away from it, is refused with how many.',
    ),
    auth: 'required',
    pathId: 'the centre',
    pathParams: { windowId: 'the window' },
    body: { schema: updateWindowBody, name: 'UpdateWindowRequest', required: true },
    ok: afterChange,
    errors: { ...scopeErrors, WINDOW_NOT_FOUND: null, ITEM_NOT_OFFERED: 'an item the centre does not handle', HAS_FUTURE_BOOKINGS: null },
    handle: async (ctx) => {
      const caller = requireLogin(ctx);
      const centerId = uuidParam(ctx.req);
      const windowId = uuidParam(ctx.req, 'windowId');
      const body = validate(updateWindowBody, jsonBody(ctx.req));
      return { body: await updateWindow(ctx.app, caller, centerId, windowId, body, ctx.now) };
    },
  }),
  operation({
    method: 'post',
    path: '/api/manage/centers/{id}/items',
    operationId: 'setCenterItem',
    tags: ['manage'],
    summary: 'Handle an item here · 启用/停用事项',
    description: scoped('Enabling adds the item to every active window; disabling is refused while bookings for it are to come (`details.count`, `details.first`).'),
    auth: 'required',
    pathId: 'the centre',
    body: { schema: centerItemBody, name: 'CenterItemRequest', required: true },
    ok: { status: 200, description: 'the item and its new state', schema: centerItemResult },
    errors: { ...scopeErrors, ITEM_NOT_FOUND: 'not a published item of the county', HAS_FUTURE_BOOKINGS: null },
    handle: async (ctx) => {
      const caller = requireLogin(ctx);
      const body = validate(centerItemBody, jsonBody(ctx.req));
      return { body: await setCenterItem(ctx.app, caller, uuidParam(ctx.req), body, ctx.now) };
    },
  }),
  operation({
    method: 'post',
    path: '/api/manage/centers/{id}/capacity',
    operationId: 'setCapacityTemplates',
    tags: ['manage'],
    summary: 'Capacity template · 号源模板',
    description: scoped(
      "Replaces a window's sessions on the given weekdays (slot length, seats, walk-in seats). Future slots follow at once; a slot never drops below its booked seats (they are kept and listed in `reconciled.kept`); past slots are untouched.",
    ),
    auth: 'required',
    pathId: 'the centre',
    body: { schema: templatesBody, name: 'TemplatesRequest', required: true },
    ok: afterChange,
    errors: { ...scopeErrors, ...capacityErrors },
    handle: async (ctx) => {
      const caller = requireLogin(ctx);
      const body = validate(templatesBody, jsonBody(ctx.req));
      return { body: await setTemplates(ctx.app, caller, uuidParam(ctx.req), body, ctx.now) };
    },
  }),
  operation({
    method: 'post',
    path: '/api/manage/centers/{id}/overrides',
    operationId: 'setCapacityOverride',
    tags: ['manage'],
    summary: 'Sessions on one date · 单日号源',
    description: scoped("Replaces a window's sessions on one date; no sessions = back to the weekly template. Same rules for booked seats."),
    auth: 'required',
    pathId: 'the centre',
    body: { schema: overrideBody, name: 'OverrideRequest', required: true },
    ok: afterChange,
    errors: { ...scopeErrors, ...capacityErrors, DATE_IN_PAST: null },
    handle: async (ctx) => {
      const caller = requireLogin(ctx);
      const body = validate(overrideBody, jsonBody(ctx.req));
      return { body: await setOverride(ctx.app, caller, uuidParam(ctx.req), body, ctx.now) };
    },
  }),
  operation({
    method: 'post',
    path: '/api/manage/centers/{id}/closures',
    operationId: 'addClosure',
    tags: ['manage'],
    summary: 'Close days · 停办',
    description: scoped(
      'Closes the centre (or one window) from `from` to `to` with the reason residents see. Days with active bookings are refused (`details.count`, `details.dates`) unless `cancelAffected`: then those bookings are cancelled with the reason, and the resident sees it in the timeline.',
    ),
    auth: 'required',
    pathId: 'the centre',
    body: { schema: closureBody, name: 'ClosureRequest', required: true },
    ok: afterChange,
    errors: { ...scopeErrors, DATE_IN_PAST: null, INVALID_DATE_RANGE: 'more than 93 days', WINDOW_NOT_FOUND: null, CLOSURE_HAS_BOOKINGS: null },
    handle: async (ctx) => {
      const caller = requireLogin(ctx);
      const body = validate(closureBody, jsonBody(ctx.req));
      return { body: await addClosure(ctx.app, caller, uuidParam(ctx.req), body, ctx.now) };
    },
  }),
  operation({
    method: 'post',
    path: '/api/manage/centers/{id}/closures/remove',
    operationId: 'removeClosure',
    tags: ['manage'],
    summary: 'Reopen a day · 取消停办',
    description: scoped("Removes one closed day; the day's slots come back from the templates."),
    auth: 'required',
    pathId: 'the centre',
    body: { schema: removeClosureBody, name: 'RemoveClosureRequest', required: true },
    ok: afterChange,
    errors: { ...scopeErrors, CLOSURE_NOT_FOUND: null },
    handle: async (ctx) => {
      const caller = requireLogin(ctx);
      const { closureId } = validate(removeClosureBody, jsonBody(ctx.req));
      return { body: await removeClosure(ctx.app, caller, uuidParam(ctx.req), closureId, ctx.now) };
    },
  }),
  operation({
    method: 'post',
    path: '/api/manage/centers/{id}/rules',
    operationId: 'setBookingRules',
    tags: ['manage'],
    summary: 'Booking rules · 预约规则',
    description: scoped(
      'Any of: days ahead, booking and cancel cut-off hours, weekly and monthly caps, re-book block, no-show grace, limit, window and restriction days. Applies to bookings made from now on. The request names the rules in camelCase (`openDaysAhead` …); the configuration answered (and `GET /api/manage/centers/{id}`) names them in snake_case as stored (`rules.open_days_ahead` …).',
    ),
    auth: 'required',
    pathId: 'the centre',
    body: { schema: rulesBody, name: 'RulesRequest', required: true },
    ok: afterChange,
    errors: { ...scopeErrors, INVALID_RULES: null },
    handle: async (ctx) => {
      const caller = requireLogin(ctx);
      const body = validate(rulesBody, jsonBody(ctx.req));
      return { body: await setRules(ctx.app, caller, uuidParam(ctx.req), body, ctx.now) };
    },
  }),
  operation({
    method: 'post',
    path: '/api/manage/centers/{id}/staff',
    operationId: 'createStaffProfile',
    tags: ['manage'],
    summary: 'Add staff to the notice · 新增在岗人员',
    description: scoped('Name, post (岗位) and regular duty weekdays. Not public until consent is recorded. Requires `Idempotency-Key`.'),
    auth: 'required',
    pathId: 'the centre',
    idempotent: true,
    body: { schema: createStaffBody, name: 'CreateStaffRequest', required: true },
    ok: { status: 201, description: 'the configuration with the new profile', schema: centerConfig },
    errors: scopeErrors,
    handle: async (ctx) => {
      const caller = requireLogin(ctx);
      const centerId = uuidParam(ctx.req);
      const key = idempotencyKey(ctx.req);
      const body = validate(createStaffBody, jsonBody(ctx.req));
      return { status: 201, body: await createStaff(ctx.app, caller, centerId, body, key, ctx.now) };
    },
  }),
  operation({
    method: 'post',
    path: '/api/manage/centers/{id}/staff/{staffId}',
    operationId: 'updateStaffProfile',
    tags: ['manage'],
    summary: 'Change staff · 修改在岗人员',
    description: scoped(
      'Profile fields, `consent` (true records it with the time; false withdraws it and hides the profile at once), `today` (on or off duty today only; null = back to the weekly days). The name is never written to the audit log.',
    ),
    auth: 'required',
    pathId: 'the centre',
    pathParams: { staffId: 'the staff profile' },
    body: { schema: updateStaffBody, name: 'UpdateStaffRequest', required: true },
    ok: afterChange,
    errors: { ...scopeErrors, STAFF_PROFILE_NOT_FOUND: null },
    handle: async (ctx) => {
      const caller = requireLogin(ctx);
      const centerId = uuidParam(ctx.req);
      const staffId = uuidParam(ctx.req, 'staffId');
      const body = validate(updateStaffBody, jsonBody(ctx.req));
      return { body: await updateStaff(ctx.app, caller, centerId, staffId, body, ctx.now) };
    },
  }),
  operation({
    method: 'post',
    path: '/api/manage/centers/{id}/staff/{staffId}/photo',
    operationId: 'setStaffPhoto',
    tags: ['manage'],
    summary: 'Staff photo · 上传照片',
    description: scoped('A JPEG or PNG, base64, at most 200 KB, checked by its bytes.'),
    auth: 'required',
    pathId: 'the centre',
    pathParams: { staffId: 'the staff profile' },
    body: { schema: photoBody, name: 'PhotoRequest', required: true },
    ok: afterChange,
    errors: { ...scopeErrors, STAFF_PROFILE_NOT_FOUND: null, INVALID_PHOTO: null },
    handle: async (ctx) => {
      const caller = requireLogin(ctx);
      const body = validate(photoBody, jsonBody(ctx.req));
      return { body: await setStaffPhoto(ctx.app, caller, uuidParam(ctx.req), uuidParam(ctx.req, 'staffId'), body, ctx.now) };
    },
  }),
  operation({
    method: 'delete',
    path: '/api/manage/centers/{id}/staff/{staffId}/photo',
    operationId: 'removeStaffPhoto',
    tags: ['manage'],
    summary: 'Remove the photo · 删除照片',
    description: SCOPE,
    auth: 'required',
    pathId: 'the centre',
    pathParams: { staffId: 'the staff profile' },
    ok: { status: 200, description: 'the configuration without the photo', schema: centerConfig },
    errors: { FORBIDDEN: null, PASSWORD_CHANGE_REQUIRED: null, CENTER_NOT_FOUND: null, STAFF_PROFILE_NOT_FOUND: null },
    handle: async (ctx) => {
      const caller = requireLogin(ctx);
      return { body: await setStaffPhoto(ctx.app, caller, uuidParam(ctx.req), uuidParam(ctx.req, 'staffId'), null, ctx.now) };
    },
  }),
  operation({
    method: 'get',
    path: '/api/centers/{id}/on-duty',
    operationId: 'getOnDuty',
    tags: ['catalogue'],
    summary: 'Staff on duty today · 今日在岗',
    description:
      "Today's staff on duty at a centre (Shanghai date): name, post and photo URL, only of staff whose consent is recorded and not withdrawn. `Cache-Control: public, max-age=60`: a withdrawn consent or a change of duty shows within a minute.",
    auth: 'none',
    pathId: 'the centre',
    ok: { status: 200, description: 'who is on duty', schema: onDutyShape, headers: { 'Cache-Control': { schema: { const: 'public, max-age=60' } } } },
    errors: { CENTER_NOT_FOUND: null },
    handle: async (ctx) => ({
      body: await onDuty(ctx.app, ctx.caller, uuidParam(ctx.req), ctx.now),
      headers: { 'Cache-Control': 'public, max-age=60' },
    }),
  }),
  operation({
    method: 'get',
    path: '/api/staff-photos/{id}',
    operationId: 'getStaffPhoto',
    tags: ['catalogue'],
    summary: 'Staff photo · 工作人员照片',
    description:
      'The image with its own `Content-Type` (image/jpeg or image/png), an `ETag` and `Cache-Control: public, no-cache` (revalidated each time: `If-None-Match` gives 304), so a withdrawn consent takes effect at once. 404 when there is no photo or it may not be shown.',
    auth: 'none',
    pathId: 'the staff profile',
    extraParameters: [{ name: 'If-None-Match', in: 'header', required: false, description: 'the `ETag` of a copy held: 304 Not Modified when it is still the photo', schema: { type: 'string' } }],
    ok: {
      status: 200,
      description: 'the image (or 304 Not Modified for `If-None-Match`)',
      schema: null,
      contentType: 'image/*',
      headers: {
        ETag: { schema: { type: 'string' } },
        'Cache-Control': { schema: { const: 'public, no-cache' } },
        'X-Content-Type-Options': { schema: { const: 'nosniff' } },
      },
    },
    errors: { PHOTO_NOT_FOUND: 'no photo, no consent, consent withdrawn, or the profile is inactive' },
    handle: async (ctx) => {
      const photo = await staffPhoto(ctx.app, ctx.caller, uuidParam(ctx.req));
      const headers = {
        'Content-Type': photo.type,
        ETag: photo.etag,
        'Cache-Control': 'public, no-cache',
        'X-Content-Type-Options': 'nosniff',
      };
      if (headerValue(ctx.req, 'if-none-match') === photo.etag) return { status: 304, body: null, headers };
      return { body: photo.bytes, headers };
    },
  }),
  ...followUpOperations,
];
