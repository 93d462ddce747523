// Booking use cases: availability, book, cancel, reschedule, list, verify, check in.
// The calendar and slot generation are pure TypeScript (./slots); seat counting, rules and
// permissions are enforced by the SQL functions this module calls.
import { createHash } from 'node:crypto';
import type { App } from '../app';
import type { Availability, AvailabilityDay, AvailabilitySlot, Booking, BookingDetail, BookingRequest } from '../contract/booking';
import { datesBetween, shanghaiDate } from '../calendar/shanghai-time';
import { dayStatus } from '../calendar/working-days';
import type { Caller } from '../db/database';
import { apiError } from '../core/errors';
import { maskName } from '../privacy/mask';
import { codeFromScan, qrPayload } from './qr-payload';
import {
  type BookingRules,
  type CapacityTemplate,
  type Closure,
  type DateOverride,
  dayAvailability,
  type GeneratedSlot,
} from './slots';

interface RulesRow {
  open_days_ahead: number;
  close_hours_before: number;
  cancel_hours_before: number;
}

interface OverrideRow {
  date: string;
  windowId: string;
  starts: string;
  ends: string;
  slotMinutes: number;
  seats: number;
  walkInSeats: number;
}

interface MaterialisedSlot {
  windowId: string;
  startsAt: string;
  endsAt: string;
  seats: number;
  walkInSeats: number;
  booked: number;
}

interface BookingSetup {
  center: { id: string; kind: 'center' | 'station'; scheduleNote: string | null };
  offered: boolean;
  rules: RulesRow;
  windowIds: string[];
  templates: CapacityTemplate[];
  overrides: OverrideRow[];
  closures: Closure[];
  slots: MaterialisedSlot[];
}

type RawBooking = Omit<Booking, 'qrPayload'>;

export const MAX_AVAILABILITY_DAYS = 31;

function loadSetup(app: App, caller: Caller, centerId: string, itemId: string, from: string, to: string): Promise<BookingSetup> {
  return app.db.rpc<BookingSetup>('booking_setup', { p_center: centerId, p_item: itemId, p_from: from, p_to: to }, caller);
}

function rulesOf(row: RulesRow): BookingRules {
  return { openDaysAhead: row.open_days_ahead, closeHoursBefore: row.close_hours_before };
}

function overridesOf(rows: OverrideRow[]): DateOverride[] {
  const byKey = new Map<string, DateOverride>();
  for (const r of rows) {
    const key = `${r.date}|${r.windowId}`;
    const o = byKey.get(key) ?? { date: r.date, windowId: r.windowId, templates: [] };
    o.templates.push({ itemIds: null, starts: r.starts, ends: r.ends, slotMinutes: r.slotMinutes, seats: r.seats, walkInSeats: r.walkInSeats });
    byKey.set(key, o);
  }
  return [...byKey.values()];
}

/** One day as the resident sees it: generated slots, with the seats already taken. */
function dayOf(setup: BookingSetup, itemId: string, date: string, now: Date) {
  return dayAvailability({
    date,
    now,
    rules: rulesOf(setup.rules),
    templates: setup.templates,
    overrides: overridesOf(setup.overrides),
    closures: setup.closures,
    itemId,
    scheduleNote: setup.center.scheduleNote,
  });
}

const instant = (iso: string) => new Date(iso).getTime();

/** Seats left per start time: all windows serving the item pool their seats. */
function poolSlots(generated: GeneratedSlot[], taken: MaterialisedSlot[]): AvailabilitySlot[] {
  const materialised = new Map(taken.map((s) => [`${s.windowId}|${instant(s.startsAt)}`, s]));
  const byStart = new Map<number, AvailabilitySlot>();
  for (const g of generated) {
    const m = materialised.get(`${g.windowId}|${instant(g.startsAt)}`);
    const capacity = m ? m.seats - m.walkInSeats : g.seats - g.walkInSeats;
    const remaining = m ? capacity - m.booked : capacity;
    const key = instant(g.startsAt);
    const slot = byStart.get(key) ?? { start: g.startsAt, end: g.endsAt, remaining: 0, capacity: 0 };
    slot.capacity += capacity;
    slot.remaining += Math.max(0, remaining);
    byStart.set(key, slot);
  }
  return [...byStart.values()].filter((s) => s.capacity > 0).sort((a, b) => instant(a.start) - instant(b.start));
}

export async function availability(
  app: App,
  caller: Caller,
  q: { centerId: string; itemId: string; from: string; to: string },
  now: Date,
): Promise<Availability> {
  const dates = datesBetween(q.from, q.to);
  if (dates.length > MAX_AVAILABILITY_DAYS) throw apiError('INVALID_DATE_RANGE');
  const setup = await loadSetup(app, caller, q.centerId, q.itemId, q.from, q.to);
  if (!setup.offered) throw apiError('ITEM_NOT_OFFERED');
  const days: AvailabilityDay[] = dates.map((date) => {
    const day = dayOf(setup, q.itemId, date, now);
    const slots = day.open ? poolSlots(day.slots, setup.slots) : [];
    const full = day.open && slots.length > 0 && slots.every((s) => s.remaining === 0);
    const weekday = dayStatus(date).weekday;
    if (day.open && slots.length === 0) {
      return { date, weekday, open: false, reason: { code: 'NO_CAPACITY', text: '当天没有可预约的时段' }, slots: [] };
    }
    if (full) return { date, weekday, open: false, reason: { code: 'FULL', text: '已约满' }, slots };
    return { date, weekday, open: day.open, reason: day.reason, slots };
  });
  return {
    centerId: q.centerId,
    itemId: q.itemId,
    from: q.from,
    to: q.to,
    scheduleKnown: dates.every((d) => dayStatus(d).scheduleKnown),
    days,
  };
}

/** The slots (one per window) that start at `start`, if that day and time can be booked now. */
async function candidatesAt(app: App, caller: Caller, centerId: string, itemId: string, start: Date, now: Date): Promise<GeneratedSlot[]> {
  const date = shanghaiDate(start);
  const setup = await loadSetup(app, caller, centerId, itemId, date, date);
  if (!setup.offered) throw apiError('ITEM_NOT_OFFERED');
  const day = dayOf(setup, itemId, date, now);
  const candidates = day.open ? day.slots.filter((s) => instant(s.startsAt) === start.getTime()) : [];
  if (candidates.length === 0) {
    throw apiError('SLOT_NOT_AVAILABLE', undefined, day.reason ? { reason: day.reason } : undefined);
  }
  return candidates;
}

function requestHash(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex');
}

export function withQr<T extends RawBooking>(app: App, b: T): T & { qrPayload: string } {
  return { ...b, qrPayload: qrPayload(app.config.authSecret, b.code) };
}

async function replay(app: App, caller: Caller, key: string, operation: string, hash: string): Promise<RawBooking | null> {
  return app.db.rpc<RawBooking | null>('idempotent_response', { p_key: key, p_operation: operation, p_hash: hash }, caller);
}

export async function book(app: App, caller: Caller, input: BookingRequest, idempotencyKey: string, now: Date): Promise<Booking> {
  const start = new Date(input.slotStart);
  const hash = requestHash({ ...input, slotStart: start.toISOString() });
  // a retry gets the first answer even if the slot has since closed
  const first = await replay(app, caller, idempotencyKey, 'book', hash);
  if (first) return withQr(app, first);
  const candidates = await candidatesAt(app, caller, input.centerId, input.itemId, start, now);
  const booking = await app.db.rpc<RawBooking>(
    'book',
    {
      p_center: input.centerId,
      p_item: input.itemId,
      p_slot_start: start.toISOString(),
      p_candidates: candidates,
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
  const first = await replay(app, caller, idempotencyKey, 'reschedule', hash);
  if (first) return withQr(app, first);
  const current = await getBooking(app, caller, bookingId);
  const candidates = await candidatesAt(app, caller, current.centerId, current.itemId, start, now);
  const booking = await app.db.rpc<RawBooking>(
    'reschedule_booking',
    { p_booking: bookingId, p_slot_start: start.toISOString(), p_candidates: candidates, p_now: now.toISOString(), p_idempotency_key: idempotencyKey, p_request_hash: hash },
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
