// Case (办件) and rating (好差评) use cases, and the staff's confirm / decline of bookings.
// Working-day dates (promised completion, rectification deadline) and messages are computed
// here; permissions, the state machine, the undo window and once-only ratings are enforced by
// the SQL functions this module calls (supabase/schemas/50_cases.sql).
import { createHash } from 'node:crypto';
import type { App } from '../app';
import { forStaff, withQr } from '../booking/booking-service';
import type { Booking } from '../contract/booking';
import type { AcceptCaseRequest, CaseAction, CaseDetail, RatingRequest, RatingResult } from '../contract/cases';
import { toShanghaiIso } from '../calendar/shanghai-time';
import type { Caller } from '../db/database';
import { toApiError } from '../core/errors';
import { undoDeadline } from './case-machine';
import { followUpBy, followUpMessage, promisedBy } from './deadlines';

type RawBooking = Omit<Booking, 'qrPayload'>;
/** what the SQL functions answer: the case without `undo`, with the latest step */
type RawCase = Omit<CaseDetail, 'undo'> & { lastStep: { kind: CaseDetail['steps'][number]['kind']; at: string; byMe: boolean } | null };
type RawRating = Omit<RatingResult, 'followUpMessage'>;

function requestHash(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex');
}

const iso = (d: Date) => d.toISOString();

/** The case as the API answers it: `undo` says until when the caller may take back their step. */
export function presentCase<T extends RawCase>(raw: T, now: Date): Omit<T, 'lastStep'> & { undo: CaseDetail['undo'] } {
  const { lastStep, ...rest } = raw;
  const until = undoDeadline(lastStep, now);
  return { ...rest, undo: lastStep && until ? { kind: lastStep.kind, until: toShanghaiIso(until) } : null };
}

function presentRating(raw: RawRating): RatingResult {
  return { ...raw, followUpMessage: raw.followUpBy ? followUpMessage(raw.followUpBy) : null };
}

// ---------------------------------------------------------------------------------------
// Staff actions on bookings

export async function confirmBooking(app: App, caller: Caller, bookingId: string, idempotencyKey: string, now: Date): Promise<Booking> {
  const booking = await app.db.rpc<RawBooking>(
    'confirm_booking',
    { p_booking: bookingId, p_now: iso(now), p_idempotency_key: idempotencyKey, p_request_hash: requestHash({ bookingId }) },
    caller,
  );
  return forStaff(withQr(app, booking));
}

export async function declineBooking(app: App, caller: Caller, bookingId: string, reason: string, idempotencyKey: string, now: Date): Promise<Booking> {
  const booking = await app.db.rpc<RawBooking>(
    'decline_booking',
    { p_booking: bookingId, p_reason: reason, p_now: iso(now), p_idempotency_key: idempotencyKey, p_request_hash: requestHash({ bookingId, reason }) },
    caller,
  );
  return forStaff(withQr(app, booking));
}

// ---------------------------------------------------------------------------------------
// Cases

interface Intake {
  itemId: string;
  promisedDays: number;
}

/** 受理: the promised date is the item's promised working days after today, on the official calendar. */
export async function acceptCase(app: App, caller: Caller, input: AcceptCaseRequest, idempotencyKey: string, now: Date): Promise<CaseDetail> {
  const target = 'bookingId' in input ? { p_booking: input.bookingId } : { p_ticket_number: input.ticketNumber, p_item: input.itemId };
  const hash = requestHash(input);
  const replay = () => app.db.rpc<RawCase | null>('idempotent_response', { p_key: idempotencyKey, p_operation: 'case_accept', p_hash: hash }, caller);
  // a retry gets the first answer (the case now exists, so the intake would refuse it)
  const first = await replay();
  if (first) return presentCase(first, now);
  let intake: Intake;
  try {
    intake = await app.db.rpc<Intake>('case_intake', { ...target, p_now: iso(now) }, caller);
  } catch (error) {
    // a duplicate that raced the first request past the look-up above
    if (toApiError(error).code === 'ALREADY_ACCEPTED') {
      const answered = await replay();
      if (answered) return presentCase(answered, now);
    }
    throw error;
  }
  const raw = await app.db.rpc<RawCase>(
    'accept_case',
    { ...target, p_promised_by: promisedBy(now, intake.promisedDays), p_now: iso(now), p_idempotency_key: idempotencyKey, p_request_hash: hash },
    caller,
  );
  return presentCase(raw, now);
}

export interface StepInput {
  missing?: string[];
  note?: string;
  outcome?: string;
  reason?: string;
}

/** 补正 / 已补齐 / 上报 / 办结 / 不予受理 */
export async function advanceCase(app: App, caller: Caller, caseId: string, action: CaseAction, input: StepInput, idempotencyKey: string, now: Date): Promise<CaseDetail> {
  const raw = await app.db.rpc<RawCase>(
    'advance_case',
    {
      p_case: caseId,
      p_action: action,
      p_now: iso(now),
      p_missing: input.missing,
      p_note: input.note,
      p_outcome: input.outcome,
      p_reason: input.reason,
      p_idempotency_key: idempotencyKey,
      p_request_hash: requestHash({ caseId, action, ...input }),
    },
    caller,
  );
  return presentCase(raw, now);
}

/** 撤销: the caller's own latest step, within 2 minutes. */
export async function undoCaseStep(app: App, caller: Caller, caseId: string, idempotencyKey: string, now: Date): Promise<CaseDetail & { undone: { kind: string; at: string } }> {
  const raw = await app.db.rpc<RawCase & { undone: { kind: string; at: string } }>(
    'undo_case_step',
    { p_case: caseId, p_now: iso(now), p_idempotency_key: idempotencyKey, p_request_hash: requestHash({ caseId }) },
    caller,
  );
  return presentCase(raw, now);
}

export async function getCase(app: App, caller: Caller, caseId: string, now: Date): Promise<CaseDetail> {
  return presentCase(await app.db.rpc<RawCase>('get_case', { p_id: caseId }, caller), now);
}

// ---------------------------------------------------------------------------------------
// Ratings

/** 好差评: once per booking after the case ended; 不满意 / 非常不满意 are followed up within 10 working days. */
export async function rateBooking(app: App, caller: Caller, bookingId: string, input: RatingRequest, idempotencyKey: string, now: Date): Promise<RatingResult> {
  const raw = await app.db.rpc<RawRating>(
    'rate_booking',
    {
      p_booking: bookingId,
      p_level: input.level,
      p_indicators: input.indicators,
      p_comment: input.comment,
      p_follow_up_by: followUpBy(now),
      p_now: iso(now),
      p_idempotency_key: idempotencyKey,
      p_request_hash: requestHash({ bookingId, ...input }),
    },
    caller,
  );
  return presentRating(raw);
}
