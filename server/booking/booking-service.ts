// Booking use cases: availability, book, cancel, reschedule, list, verify, check in.
// The slot rules live in SQL (supabase/schemas/40_booking.sql):
// availability is one call (public.booking_setup), and book / reschedule are one call and one
// transaction each (idempotency, the start's check against the generated slots, the seat).
// Seat counting, rules and permissions are enforced by those SQL functions.
import { createHash } from 'node:crypto';
import type { App } from '../app';
import type { Availability, Booking, BookingDetail, BookingRequest } from '../contract/booking';
import { datesBetween } from '../calendar/shanghai-time';
import type { Caller } from '../db/database';
import { apiError } from '../core/errors';
import { maskName } from '../privacy/mask';
import { codeFromScan, qrPayload } from './qr-payload';

type RawBooking = Omit<Booking, 'qrPayload'>;

export const MAX_AVAILABILITY_DAYS = 31;

export async function availability(
  app: App,
  caller: Caller,
  q: { centerId: string; itemId: string; from: string; to: string },
  now: Date,
): Promise<Availability> {
  const dates = datesBetween(q.from, q.to);
  if (dates.length > MAX_AVAILABILITY_DAYS) throw apiError('INVALID_DATE_RANGE');
  const answer = await app.db.rpc<{ offered: boolean } & Pick<Availability, 'scheduleKnown' | 'days'>>(
    'booking_setup',
    { p_center: q.centerId, p_item: q.itemId, p_from: q.from, p_to: q.to, p_now: now.toISOString() },
    caller,
  );
  if (!answer.offered) throw apiError('ITEM_NOT_OFFERED');
  return { centerId: q.centerId, itemId: q.itemId, from: q.from, to: q.to, scheduleKnown: answer.scheduleKnown, days: answer.days };
}

function requestHash(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex');
}

export function withQr<T extends RawBooking>(app: App, b: T): T & { qrPayload: string } {
  return { ...b, qrPayload: qrPayload(app.config.authSecret, b.code) };
}

export async function book(app: App, caller: Caller, input: BookingRequest, idempotencyKey: string, now: Date): Promise<Booking> {
  const start = new Date(input.slotStart);
  const hash = requestHash({ ...input, slotStart: start.toISOString() });
  // one call: a retry gets the first answer even if the slot has since closed
  const booking = await app.db.rpc<RawBooking>(
    'book',
    {
      p_center: input.centerId,
      p_item: input.itemId,
      p_slot_start: start.toISOString(),
      p_now: now.toISOString(),
      p_applicant: input.applicantId,
      p_idempotency_key: idempotencyKey,
      p_request_hash: hash,
      p_note: input.note,
    },
    caller,
  );
  return withQr(app, booking);
}

export async function cancel(app: App, caller: Caller, bookingId: string, reason: string | undefined, idempotencyKey: string, now: Date): Promise<Booking> {
  const booking = await app.db.rpc<RawBooking>(
    'cancel_booking',
    { p_booking: bookingId, p_now: now.toISOString(), p_reason: reason, p_idempotency_key: idempotencyKey, p_request_hash: requestHash({ bookingId, reason }) },
    caller,
  );
  return withQr(app, booking);
}

export async function reschedule(app: App, caller: Caller, bookingId: string, slotStart: string, idempotencyKey: string, now: Date): Promise<Booking> {
  const start = new Date(slotStart);
  const hash = requestHash({ bookingId, slotStart: start.toISOString() });
  const booking = await app.db.rpc<RawBooking>(
    'reschedule_booking',
    { p_booking: bookingId, p_slot_start: start.toISOString(), p_now: now.toISOString(), p_idempotency_key: idempotencyKey, p_request_hash: hash },
    caller,
  );
  return withQr(app, booking);
}

export async function listMine(app: App, caller: Caller): Promise<{ bookings: Booking[] }> {
  const { bookings } = await app.db.rpc<{ bookings: RawBooking[] }>('list_my_bookings', {}, caller);
  return { bookings: bookings.map((b) => withQr(app, b)) };
}

export async function getBooking(app: App, caller: Caller, id: string): Promise<BookingDetail> {
  const booking = withQr(app, await app.db.rpc<Omit<BookingDetail, 'qrPayload'>>('get_booking', { p_id: id }, caller));
  return STAFF_ROLES.has(String(caller.claims.app_role)) ? forStaff(booking) : booking;
}

const STAFF_ROLES = new Set(['staff', 'manager', 'admin']);

/** Staff: who, what, when and status of a typed code or a scanned QR payload. */
export async function verify(app: App, caller: Caller, scanned: string): Promise<Booking> {
  const code = codeFromScan(app.config.authSecret, scanned);
  if (!code) throw apiError('INVALID_BOOKING_CODE');
  return forStaff(withQr(app, await app.db.rpc<RawBooking>('verify_booking', { p_code: code }, caller)));
}

export async function checkIn(app: App, caller: Caller, scanned: string, now: Date): Promise<Booking & { ticket: { number: number; serviceDate: string } }> {
  const code = codeFromScan(app.config.authSecret, scanned);
  if (!code) throw apiError('INVALID_BOOKING_CODE');
  return forStaff(
    withQr(app, await app.db.rpc<RawBooking & { ticket: { number: number; serviceDate: string } }>('check_in_booking', { p_code: code, p_now: now.toISOString() }, caller)),
  );
}

/** Staff see the applicant's name masked: they check the ID card in front of them. */
export function forStaff<T extends Booking>(b: T): T {
  return { ...b, applicant: { ...b.applicant, name: maskName(b.applicant.name) } };
}
