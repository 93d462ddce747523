// The window staff's workbench over HTTP: verifying and checking in bookings, walk-in tickets,
// the day's bookings, one booking, and the queue with its actions (叫号). Staff and managers
// of a centre, their own centre only (checked by the database).
import { codeQuery } from '../booking/booking-requests';
import { checkIn, verify } from '../booking/booking-service';
import { booking } from '../contract/booking';
import {
  callNextResult, checkedInBooking, queueBoard as queueBoardShape, queueUndoResult, staffBooking as staffBookingShape,
  staffDay as staffDayShape, type TicketAction, ticketActionResult, walkInTicket,
} from '../contract/queue';
import { idempotencyKey, jsonBody, optionalIdempotencyKey, optionalJsonBody, queryObject, requireLogin, uuidParam, validate } from '../http/handler';
import { type Errors, type Operation, operation, optionalKeyParameter } from '../http/operation';
import { callNextBody, queueQuery, queueUndoBody, staffDayQuery, walkInBody } from './queue-requests';
import { callNext, issueWalkIn, queueBoard, staffBooking, staffDay, ticketAction, undoQueueAction } from './queue-service';

const NOT_STAFF = 'the caller is not staff or a manager of a centre';
const NO_WINDOW = "not an active window of the caller's centre";
const INVALID_CODE = 'neither a booking code nor a QR payload signed by this server';
const ticketErrors: Errors = {
  FORBIDDEN: NOT_STAFF,
  PASSWORD_CHANGE_REQUIRED: null,
  TICKET_NOT_FOUND: "no such ticket today at the caller's centre",
  INVALID_TICKET_TRANSITION: "not allowed from the ticket's status (`details.status`)",
};

/** 再叫一次, 开始办理, 办完了, 过号, 放回排队: one ticket of today at the caller's centre. */
function ticketOperation(
  action: TicketAction,
  operationId: string,
  summary: string,
  what: string,
  errors: Errors = ticketErrors,
): Operation {
  return operation({
    method: 'post',
    path: `/api/tickets/{id}/${action}`,
    operationId,
    tags: ['queue'],
    summary,
    description: [what, 'Requires `Idempotency-Key`.'].join('\n\n'),
    auth: 'required',
    pathId: 'the ticket',
    idempotent: true,
    ok: { status: 200, description: 'the board and the ticket', schema: ticketActionResult },
    errors,
    handle: async (ctx) => {
      const caller = requireLogin(ctx);
      const id = uuidParam(ctx.req);
      const key = idempotencyKey(ctx.req);
      return { body: await ticketAction(ctx.app, caller, id, action, key, ctx.now) };
    },
  });
}

export const queueOperations: Operation[] = [
  operation({
    method: 'get',
    path: '/api/bookings/verify',
    operationId: 'verifyBooking',
    tags: ['staff'],
    summary: 'Staff: check a booking code · 核验预约码',
    description:
      "Staff (their centre's bookings) and admins (their county's): who, what, when and the status of a typed 8-character code or a scanned QR payload. A QR payload with a wrong signature is refused. The applicant's name is masked (王*英): staff check the ID card in front of them.",
    auth: 'required',
    query: { schema: codeQuery, describe: { code: 'the 8-character code or the scanned QR payload' } },
    ok: { status: 200, description: 'the booking', schema: booking },
    errors: {
      INVALID_BOOKING_CODE: INVALID_CODE,
      FORBIDDEN: 'the caller is not staff, a manager or an admin',
      PASSWORD_CHANGE_REQUIRED: null,
      BOOKING_NOT_FOUND: 'no booking with this code that the caller may see',
    },
    handle: async (ctx) => {
      const caller = requireLogin(ctx);
      const { code } = validate(codeQuery, queryObject(ctx.req));
      return { body: await verify(ctx.app, caller, code) };
    },
  }),
  operation({
    method: 'post',
    path: '/api/bookings/check-in',
    operationId: 'checkInBooking',
    tags: ['staff'],
    summary: 'Staff: check a booking in · 签到取号',
    description:
      "Staff and managers of the booking's centre: a booking for today (Shanghai) joins the day's queue and gets the next number, shared with walk-in tickets. Checking in a checked-in booking answers the same ticket again, so no Idempotency-Key is needed. The applicant's name is masked.",
    auth: 'required',
    body: { schema: codeQuery, name: 'CodeRequest', required: true },
    ok: { status: 200, description: 'the checked-in booking with its queue number', schema: checkedInBooking },
    errors: {
      INVALID_BOOKING_CODE: INVALID_CODE,
      FORBIDDEN: 'the caller is not staff or a manager of a centre (admins cannot check in)',
      PASSWORD_CHANGE_REQUIRED: null,
      BOOKING_NOT_FOUND: "no booking with this code at the caller's centre",
      BOOKING_NOT_ACTIVE: 'cancelled, completed, declined or a no-show',
      NOT_TODAY: 'the booking is not for today',
    },
    handle: async (ctx) => {
      const caller = requireLogin(ctx);
      const { code } = validate(codeQuery, jsonBody(ctx.req));
      return { body: await checkIn(ctx.app, caller, code, ctx.now) };
    },
  }),
  operation({
    method: 'post',
    path: '/api/tickets',
    operationId: 'issueWalkInTicket',
    tags: ['staff'],
    summary: 'Staff: walk-in ticket · 现场取号',
    description:
      "Staff and managers: the next number of today's queue at their centre for a resident who came without booking, optionally for an item. The body is optional. With an `Idempotency-Key` (recommended) a retry answers the same number; without one each call issues a new number.",
    auth: 'required',
    body: { schema: walkInBody, name: 'TicketRequest', required: false },
    extraParameters: [optionalKeyParameter('optional: a retry with the same key answers the same number')],
    ok: { status: 201, description: 'the ticket', schema: walkInTicket },
    errors: {
      FORBIDDEN: NOT_STAFF,
      PASSWORD_CHANGE_REQUIRED: null,
      ITEM_NOT_OFFERED: "the caller's centre does not handle this item",
      IDEMPOTENCY_KEY_REQUIRED: 'an `Idempotency-Key` header that is not 8–100 characters of A–Z a–z 0–9 _ -',
      IDEMPOTENCY_KEY_REUSED: null,
    },
    handle: async (ctx) => {
      const caller = requireLogin(ctx);
      const key = optionalIdempotencyKey(ctx.req);
      const { itemId } = validate(walkInBody, optionalJsonBody(ctx.req));
      return { status: 201, body: await issueWalkIn(ctx.app, caller, itemId, key, ctx.now) };
    },
  }),
  operation({
    method: 'get',
    path: '/api/staff/day',
    operationId: 'getStaffDay',
    tags: ['staff'],
    summary: 'Staff: bookings of a day · 今日/明日预约',
    description:
      "Staff and managers: the bookings of their centre on a day (today − 7 … today + 14; default today, Shanghai), by slot, with status, the applicant masked, item, window, the queue ticket and case when there are, counts (pending = waiting for confirmation) and each item's materials checklist.",
    auth: 'required',
    query: { schema: staffDayQuery, describe: { date: 'YYYY-MM-DD (default: today in Shanghai)' } },
    ok: { status: 200, description: 'the day', schema: staffDayShape },
    errors: {
      FORBIDDEN: NOT_STAFF,
      PASSWORD_CHANGE_REQUIRED: null,
      INVALID_DATE_RANGE: 'more than 7 days back or 14 days ahead',
    },
    handle: async (ctx) => {
      const caller = requireLogin(ctx);
      const { date } = validate(staffDayQuery, queryObject(ctx.req));
      return { body: await staffDay(ctx.app, caller, date, ctx.now) };
    },
  }),
  operation({
    method: 'get',
    path: '/api/staff/bookings/{id}',
    operationId: 'getStaffBooking',
    tags: ['staff'],
    summary: 'Staff: one booking · 预约详情（窗口）',
    description:
      "Staff and managers of the booking's centre: the booking (applicant masked, no QR payload), its timeline, queue ticket, case and the item's materials checklist.",
    auth: 'required',
    pathId: 'the booking',
    ok: { status: 200, description: 'the booking', schema: staffBookingShape },
    errors: {
      FORBIDDEN: NOT_STAFF,
      PASSWORD_CHANGE_REQUIRED: null,
      BOOKING_NOT_FOUND: "no such booking at the caller's centre",
    },
    handle: async (ctx) => ({ body: await staffBooking(ctx.app, requireLogin(ctx), uuidParam(ctx.req)) }),
  }),
  operation({
    method: 'get',
    path: '/api/queue',
    operationId: 'getQueue',
    tags: ['queue'],
    summary: 'Staff: the queue · 叫号',
    description:
      "Staff and managers: today's queue of their centre (checked-in bookings and walk-in tickets, one numbering) seen from a window: the person at that window, the waiting line in calling order, the missed, the other windows, counts, and the caller's latest action with its undo deadline. Without `window`, the centre's windows to choose from. Order: `queueAt` then number — a walk-in queues from the ticket; a booked person from the slot start when checked in no later than 15 minutes after it (else from check-in); a person put back from that moment.",
    auth: 'required',
    query: { schema: queueQuery, describe: { window: 'the window (one of `windows`)' } },
    ok: { status: 200, description: 'the queue', schema: queueBoardShape },
    errors: { FORBIDDEN: NOT_STAFF, PASSWORD_CHANGE_REQUIRED: null, WINDOW_NOT_FOUND: NO_WINDOW },
    handle: async (ctx) => {
      const caller = requireLogin(ctx);
      const { window } = validate(queueQuery, queryObject(ctx.req));
      return { body: await queueBoard(ctx.app, caller, window, ctx.now) };
    },
  }),
  operation({
    method: 'post',
    path: '/api/queue/call-next',
    operationId: 'callNext',
    tags: ['queue'],
    summary: 'Staff: call next · 叫下一位',
    description: [
      "Calls the first waiting person this window serves (walk-ins without an item: any window) to the window: status `called`, first call. A booking's timeline gets `called { ticket, window, count }` (已叫号). Nobody waiting: `called` is null.",
      'The current person is never dropped: while someone is `called` at this window (not yet served) the answer is 409 `WINDOW_BUSY` — recall, mark missed or put back first. Someone `serving` is finished first only with `finishCurrent: true` (办完了，叫下一位), in the same transaction. Two windows calling at once never get the same person.',
      'Requires `Idempotency-Key`.',
    ].join('\n\n'),
    auth: 'required',
    idempotent: true,
    body: { schema: callNextBody, name: 'CallNextRequest', required: true },
    ok: { status: 200, description: 'the board and who was called', schema: callNextResult },
    errors: {
      FORBIDDEN: NOT_STAFF,
      PASSWORD_CHANGE_REQUIRED: null,
      WINDOW_NOT_FOUND: NO_WINDOW,
      WINDOW_BUSY: 'someone is called or served at this window (`details.number`, `details.status`, `details.ticketId`)',
    },
    handle: async (ctx) => {
      const caller = requireLogin(ctx);
      const key = idempotencyKey(ctx.req);
      const { windowId, finishCurrent } = validate(callNextBody, jsonBody(ctx.req));
      return { body: await callNext(ctx.app, caller, windowId, finishCurrent ?? false, key, ctx.now) };
    },
  }),
  operation({
    method: 'post',
    path: '/api/queue/undo',
    operationId: 'undoQueueAction',
    tags: ['queue'],
    summary: 'Staff: undo my last call · 撤销',
    description: [
      "Takes back the caller's own latest queue action at this window within 2 minutes (both halves of 办完了，叫下一位): the tickets return to what they were, the events stay marked undone and leave the resident's timeline.",
      'Requires `Idempotency-Key`.',
    ].join('\n\n'),
    auth: 'required',
    idempotent: true,
    body: { schema: queueUndoBody, name: 'QueueUndoRequest', required: true },
    ok: { status: 200, description: 'the board after the undo', schema: queueUndoResult },
    errors: {
      FORBIDDEN: NOT_STAFF,
      PASSWORD_CHANGE_REQUIRED: null,
      WINDOW_NOT_FOUND: NO_WINDOW,
      NOTHING_TO_UNDO: 'no action at this window today, or the latest was by someone else',
      UNDO_EXPIRED: 'the latest action is more than 2 minutes old',
      QUEUE_UNDO_NOT_POSSIBLE: 'a ticket it changed has changed again since',
    },
    handle: async (ctx) => {
      const caller = requireLogin(ctx);
      const key = idempotencyKey(ctx.req);
      const { windowId } = validate(queueUndoBody, jsonBody(ctx.req));
      return { body: await undoQueueAction(ctx.app, caller, windowId, key, ctx.now) };
    },
  }),
  ticketOperation(
    'recall',
    'recallTicket',
    'Staff: 再叫一次 · 再叫一次',
    "A `called` person is called again (at most 3 calls in all; then only 过号). The booking's timeline gets `called` with the count. Today's tickets of the caller's centre only.",
    {
      FORBIDDEN: NOT_STAFF,
      PASSWORD_CHANGE_REQUIRED: null,
      TICKET_NOT_FOUND: ticketErrors.TICKET_NOT_FOUND!,
      RECALL_LIMIT_REACHED: 'already called 3 times',
      INVALID_TICKET_TRANSITION: ticketErrors.INVALID_TICKET_TRANSITION!,
    },
  ),
  ticketOperation('serve', 'serveTicket', 'Staff: 开始办理 · 开始办理', "`called` → `serving`: the person came to the window. Today's tickets of the caller's centre only."),
  ticketOperation(
    'finish',
    'finishTicket',
    'Staff: 办完了 · 办完了',
    "`serving` → `done`; handling time = call → finish (`handlingSeconds`). Today's tickets of the caller's centre only.",
  ),
  ticketOperation(
    'missed',
    'missTicket',
    'Staff: 过号 · 过号',
    "`called` → `missed`: the person did not come; the window is free. The booking's timeline gets `missed`. Today's tickets of the caller's centre only.",
  ),
  ticketOperation(
    'requeue',
    'requeueTicket',
    'Staff: 放回排队 · 放回排队',
    "`missed` or `called` → `waiting`, queuing from now (behind those whose time has come). The booking's timeline gets `requeued`. Today's tickets of the caller's centre only.",
  ),
];
