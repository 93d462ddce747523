// Case handling (办件) over HTTP for window staff and managers: accept (受理), read, 补正,
// 已补齐, 上报, 办结, 不予受理 and undo. The state machine, the undo window and who may act are
// enforced by the SQL functions the service calls.
import type { z } from 'zod';
import { type AcceptCaseRequest, type CaseAction, caseDetail, undoneCase } from '../contract/cases';
import { idempotencyKey, jsonBody, optionalJsonBody, requireLogin, uuidParam, validate } from '../http/handler';
import { type Errors, type Operation, operation } from '../http/operation';
import { acceptCaseBody, completeBody, forwardBody, rejectBody, supplementBody, supplementedBody } from './case-requests';
import { acceptCase, advanceCase, getCase, type StepInput, undoCaseStep } from './case-service';

const CASE_STAFF_ONLY =
  "Staff and managers of the case's centre only (checked in the database): residents and admins get 403 `FORBIDDEN`, another centre's staff 404 `CASE_NOT_FOUND`.";

const staffOnly = (...paragraphs: string[]) => [...paragraphs, CASE_STAFF_ONLY, 'Requires `Idempotency-Key`.'].join('\n\n');
const afterStep = { status: 200, description: 'the case after this step', schema: caseDetail };
const stepErrors: Errors = {
  FORBIDDEN: 'the caller is not staff or a manager of a centre',
  PASSWORD_CHANGE_REQUIRED: null,
  CASE_NOT_FOUND: "no such case at the caller's centre (or its acceptance was undone)",
};
const TRANSITION = 'not allowed from the current status (`details.status`, `details.action`)';

/** A step of the case state machine (补正, 已补齐, 上报, 办结, 不予受理): POST /api/cases/{id}/<step>. */
function caseStep(step: {
  action: CaseAction;
  operationId: string;
  summary: string;
  description: string;
  body: { schema: z.ZodType<StepInput>; name: string; required: boolean };
  errors?: Errors;
}): Operation {
  return operation({
    method: 'post',
    path: `/api/cases/{id}/${step.action}`,
    operationId: step.operationId,
    tags: ['cases'],
    summary: step.summary,
    description: staffOnly(step.description),
    auth: 'required',
    pathId: 'the case',
    idempotent: true,
    body: step.body,
    ok: afterStep,
    errors: { ...stepErrors, ...step.errors, INVALID_CASE_TRANSITION: TRANSITION },
    handle: async (ctx) => {
      const caller = requireLogin(ctx);
      const id = uuidParam(ctx.req);
      const key = idempotencyKey(ctx.req);
      const input = validate(step.body.schema, step.body.required ? jsonBody(ctx.req) : optionalJsonBody(ctx.req));
      return { body: await advanceCase(ctx.app, caller, id, step.action, input, key, ctx.now) };
    },
  });
}

export const caseOperations: Operation[] = [
  operation({
    method: 'post',
    path: '/api/cases',
    operationId: 'acceptCase',
    tags: ['cases'],
    summary: 'Staff: accept a case · 受理',
    description: [
      "Staff and managers accept the matter at their centre: `{ bookingId }` of a checked-in booking, or `{ ticketNumber }` of today's queue — a walk-in ticket (with `itemId` when the ticket has none; it may also correct the ticket's item) or a checked-in booking's number. The case starts `accepted` with `promisedBy` = acceptance date + the item's promised working days (0 = today), on the official calendar. The timeline gets `accepted`.",
      'Requires `Idempotency-Key`: a retry answers the first case (201).',
    ].join('\n\n'),
    auth: 'required',
    idempotent: true,
    body: { schema: acceptCaseBody, name: 'AcceptCaseRequest', required: true },
    ok: { status: 201, description: 'the new case', schema: caseDetail },
    errors: {
      INVALID_INPUT: 'a value the database refuses',
      FORBIDDEN: 'the caller is not staff or a manager of a centre',
      PASSWORD_CHANGE_REQUIRED: null,
      BOOKING_NOT_FOUND: "no such booking at the caller's centre",
      TICKET_NOT_FOUND: "no such number in today's queue at the caller's centre",
      NOT_CHECKED_IN: 'the booking is booked or confirmed: check it in first',
      BOOKING_NOT_ACTIVE: 'the booking is cancelled, declined or a no-show',
      ALREADY_ACCEPTED: 'a case exists for this booking or ticket (`details.caseId`)',
      ITEM_REQUIRED: 'a walk-in ticket without an item, and no `itemId`',
      ITEM_NOT_OFFERED: "the caller's centre does not handle this item",
    },
    handle: async (ctx) => {
      const caller = requireLogin(ctx);
      const key = idempotencyKey(ctx.req);
      const input = validate(acceptCaseBody, jsonBody(ctx.req)) as AcceptCaseRequest;
      return { status: 201, body: await acceptCase(ctx.app, caller, input, key, ctx.now) };
    },
  }),
  operation({
    method: 'get',
    path: '/api/cases/{id}',
    operationId: 'getCase',
    tags: ['cases'],
    summary: 'One case · 办件详情',
    description:
      "A case the caller may see: staff of its centre, admins of its county, and the resident and linked people of its booking. Steps staff undid are listed (marked) for staff and admins only. `undo` tells staff until when they can take back their own latest step.",
    auth: 'required',
    pathId: 'the case',
    ok: { status: 200, description: 'the case', schema: caseDetail },
    errors: { PASSWORD_CHANGE_REQUIRED: null, CASE_NOT_FOUND: 'no such case, its acceptance was undone, or not one the caller may see' },
    handle: async (ctx) => ({ body: await getCase(ctx.app, requireLogin(ctx), uuidParam(ctx.req), ctx.now) }),
  }),
  caseStep({
    action: 'supplement',
    operationId: 'requestSupplement',
    summary: 'Staff: ask for missing materials · 补正',
    description: '`accepted` or `forwarded` → `needs_supplement`: `missing` names exactly which materials to bring (1–20, each ≤ 100 characters, no duplicates). The resident sees them in the case (`missingMaterials`) and the timeline (`needs_supplement { missing }`).',
    body: { schema: supplementBody, name: 'SupplementRequest', required: true },
    errors: { INVALID_INPUT: 'a value the database refuses' },
  }),
  caseStep({
    action: 'supplemented',
    operationId: 'markSupplemented',
    summary: 'Staff: materials brought · 已补齐',
    description: '`needs_supplement` → `accepted`: the resident brought the missing materials. The timeline gets `supplemented { missing }`. No body (or `{}`).',
    body: { schema: supplementedBody, name: 'EmptyRequest', required: false },
  }),
  caseStep({
    action: 'forward',
    operationId: 'forwardCase',
    summary: 'Staff: forward to the county · 上报',
    description: '`accepted` → `forwarded`, with an optional note (≤ 200 characters). From `forwarded` the case can be completed, rejected, or sent back to 补正.',
    body: { schema: forwardBody, name: 'ForwardRequest', required: false },
    errors: { INVALID_INPUT: 'a value the database refuses' },
  }),
  caseStep({
    action: 'complete',
    operationId: 'completeCase',
    summary: 'Staff: complete · 办结',
    description: '`accepted` or `forwarded` → `completed` (final), with an optional outcome the resident reads (≤ 200 characters, e.g. 证件已办好，请带身份证到窗口领取). The booking becomes `completed`; handling time is recorded; the resident can now rate.',
    body: { schema: completeBody, name: 'CompleteRequest', required: false },
    errors: { INVALID_INPUT: 'a value the database refuses' },
  }),
  caseStep({
    action: 'reject',
    operationId: 'rejectCase',
    summary: 'Staff: refuse · 不予受理',
    description: '`accepted`, `needs_supplement` or `forwarded` → `rejected` (final), with the reason the resident reads (required, ≤ 200 characters). The booking becomes `completed`; the resident can rate.',
    body: { schema: rejectBody, name: 'RejectRequest', required: true },
    errors: { INVALID_INPUT: 'the reason is empty or too long' },
  }),
  operation({
    method: 'post',
    path: '/api/cases/{id}/undo',
    operationId: 'undoCaseStep',
    tags: ['cases'],
    summary: 'Staff: undo my last step · 撤销',
    description: staffOnly(
      'Takes back the caller\'s own latest step of the case within 2 minutes (a mis-tap): the case returns to what it was before (undoing the acceptance voids the case, so it can be accepted again; undoing a completion reopens the booking). The step stays in the history, marked undone, and leaves the resident\'s timeline. Not once the resident has rated.',
    ),
    auth: 'required',
    pathId: 'the case',
    idempotent: true,
    ok: { status: 200, description: 'the case after the undo', schema: undoneCase },
    errors: {
      ...stepErrors,
      NOTHING_TO_UNDO: 'the latest step was taken by someone else',
      UNDO_EXPIRED: 'the latest step is more than 2 minutes old',
      UNDO_NOT_POSSIBLE: 'the resident has rated the case',
    },
    handle: async (ctx) => {
      const caller = requireLogin(ctx);
      const id = uuidParam(ctx.req);
      const key = idempotencyKey(ctx.req);
      return { body: await undoCaseStep(ctx.app, caller, id, key, ctx.now) };
    },
  }),
];
