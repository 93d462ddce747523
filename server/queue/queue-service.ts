// The window staff's workbench: day lists, the queue and its actions. Who may do what, the
// queue's order, the one-current-person-per-window rule and the undo window are enforced by
// the SQL functions this module calls (supabase/schemas/60_queue.sql).
import { createHash } from 'node:crypto';
import type { App } from '../app';
import { toShanghaiIso, shanghaiDate } from '../calendar/shanghai-time';
import type {
  CallNextResult, QueueBoard, QueueTicket, QueueUndoResult, StaffBooking, StaffDay, TicketAction, TicketActionResult, WalkInTicket,
} from '../contract/queue';
import type { Caller } from '../db/database';

/** Staff may take back their own latest queue action for this long (the database enforces it too). */
export const QUEUE_UNDO_MS = 2 * 60_000;

type RawBoard = Omit<QueueBoard, 'lastAction'> & { lastAction: Omit<NonNullable<QueueBoard['lastAction']>, 'undoUntil'> | null };

const iso = (d: Date) => d.toISOString();
const hash = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex');

/** Until when the latest action can be undone: 2 minutes after it, or null once past. */
export function queueUndoUntil(at: string, now: Date): string | null {
  const until = new Date(new Date(at).getTime() + QUEUE_UNDO_MS);
  return until.getTime() >= now.getTime() ? toShanghaiIso(until) : null;
}

export function presentBoard<T extends RawBoard>(raw: T, now: Date): Omit<T, 'lastAction'> & Pick<QueueBoard, 'lastAction'> {
  return { ...raw, lastAction: raw.lastAction ? { ...raw.lastAction, undoUntil: queueUndoUntil(raw.lastAction.at, now) } : null };
}

export async function staffDay(app: App, caller: Caller, date: string | undefined, now: Date): Promise<StaffDay> {
  return app.db.rpc<StaffDay>('staff_day', { p_date: date ?? shanghaiDate(now), p_now: iso(now) }, caller);
}

export async function staffBooking(app: App, caller: Caller, bookingId: string): Promise<StaffBooking> {
  return app.db.rpc<StaffBooking>('staff_booking', { p_booking: bookingId }, caller);
}

export async function queueBoard(app: App, caller: Caller, windowId: string | undefined, now: Date): Promise<QueueBoard> {
  return presentBoard(await app.db.rpc<RawBoard>('queue_board', { p_now: iso(now), p_window: windowId ?? null }, caller), now);
}

export async function callNext(app: App, caller: Caller, windowId: string, finishCurrent: boolean, key: string, now: Date): Promise<CallNextResult> {
  const raw = await app.db.rpc<RawBoard & { called: QueueTicket | null }>(
    'call_next',
    { p_window: windowId, p_now: iso(now), p_finish_current: finishCurrent, p_idempotency_key: key, p_request_hash: hash({ windowId, finishCurrent }) },
    caller,
  );
  return presentBoard(raw, now);
}

export async function ticketAction(
  app: App,
  caller: Caller,
  ticketId: string,
  action: TicketAction,
  key: string,
  now: Date,
): Promise<TicketActionResult> {
  const raw = await app.db.rpc<RawBoard & { ticket: QueueTicket }>(
    'queue_ticket_action',
    { p_ticket: ticketId, p_action: action, p_now: iso(now), p_idempotency_key: key, p_request_hash: hash({ ticketId, action }) },
    caller,
  );
  return presentBoard(raw, now);
}

export async function undoQueueAction(app: App, caller: Caller, windowId: string, key: string, now: Date): Promise<QueueUndoResult> {
  const raw = await app.db.rpc<RawBoard & Pick<QueueUndoResult, 'undone'>>(
    'undo_queue_action',
    { p_window: windowId, p_now: iso(now), p_idempotency_key: key, p_request_hash: hash({ windowId }) },
    caller,
  );
  return presentBoard(raw, now);
}

/** 现场取号; with a key, a retry answers the same number. */
export async function issueWalkIn(app: App, caller: Caller, itemId: string | undefined, key: string | undefined, now: Date): Promise<WalkInTicket> {
  if (!key) return app.db.rpc<WalkInTicket>('issue_walk_in_ticket', { p_item: itemId, p_now: iso(now) }, caller);
  return app.db.rpc<WalkInTicket>(
    'issue_walk_in_ticket_once',
    { p_item: itemId ?? null, p_now: iso(now), p_idempotency_key: key, p_request_hash: hash({ itemId: itemId ?? null }) },
    caller,
  );
}

