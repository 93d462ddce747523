// JSON shapes of the booking API, shared with the mini-program (type-only imports).

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
  kind: 'booked' | 'rescheduled' | 'cancelled' | 'confirmed' | 'declined' | 'checked_in' | 'no_show' | 'completed';
  data: Record<string, unknown>;
}

export interface BookingDetail extends Booking {
  timeline: BookingEvent[];
}

export interface BookingRequest {
  centerId: string;
  itemId: string;
  slotStart: string;
  applicantId?: string;
  note?: string;
}
