// JSON shapes of the booking API, shared with the mini-program (type-only imports).
import type { CaseSummary, Rating } from './cases';

export type BookingStatus = 'booked' | 'confirmed' | 'checked_in' | 'completed' | 'cancelled' | 'declined' | 'no_show';

export type ClosedReasonCode = 'HOLIDAY' | 'WEEKEND' | 'NOT_OPEN_THIS_DAY' | 'CLOSURE' | 'PAST' | 'NOT_YET_OPEN' | 'NO_CAPACITY' | 'FULL';

export interface AvailabilitySlot {
  /** ISO 8601 with +08:00 */
  start: string;
  end: string;
  /** seats still bookable online */
  remaining: number;
  /** seats bookable online in all (walk-in seats excluded) */
  capacity: number;
}

export interface AvailabilityDay {
  date: string; // YYYY-MM-DD, Shanghai
  weekday: number; // ISO 1 = Monday
  open: boolean;
  /** why the day cannot be booked, in plain words (holiday name, closure note, 已约满 …) */
  reason: { code: ClosedReasonCode; text: string } | null;
  slots: AvailabilitySlot[];
}

export interface Availability {
  centerId: string;
  itemId: string;
  from: string;
  to: string;
  /** false when the State Council schedule for a year in range is not yet published */
  scheduleKnown: boolean;
  days: AvailabilityDay[];
}

export interface Booking {
  id: string;
  code: string;
  /** what the QR code encodes: the code with a server signature, checked by staff */
  qrPayload: string;
  status: BookingStatus;
  slotStart: string;
  slotEnd: string;
  centerId: string;
  centerName: string;
  itemId: string;
  itemName: string;
  windowName: string;
  applicant: { id: string; name: string };
  bookedVia: 'self' | 'family' | 'agent' | 'staff';
  statusReason: string | null;
  createdAt: string;
  cancelledAt: string | null;
  checkedInAt: string | null;
}

export interface BookingEvent {
  at: string;
  /**
   * booking events, then case events once staff accept the matter:
   * accepted 受理, needs_supplement 补正 (data.missing: string[]), supplemented, forwarded 上报,
   * completed 办结 (data.outcome), rejected 不予受理 (data.reason), rated 已评价
   */
  kind:
    | 'booked' | 'rescheduled' | 'cancelled' | 'confirmed' | 'declined' | 'checked_in' | 'no_show'
    | 'accepted' | 'needs_supplement' | 'supplemented' | 'forwarded' | 'completed' | 'rejected' | 'rated'
    // the queue: 已叫号 (data.ticket, data.window, data.count), 过号, 重新排队
    | 'called' | 'missed' | 'requeued';
  data: Record<string, unknown>;
}

export interface BookingDetail extends Booking {
  timeline: BookingEvent[];
  /** the case (办件) once staff accepted the matter; null before */
  case: CaseSummary | null;
  /** the resident's rating after completion; null until rated */
  rating: Rating | null;
}

export interface BookingRequest {
  centerId: string;
  itemId: string;
  slotStart: string;
  applicantId?: string;
  note?: string;
}
