// JSON shapes of the booking API, shared with the mini-program. Declared once as zod schemas
// (the operations answer with them, the OpenAPI document is generated from them, the API tests
// validate every answer against them); the mini-program imports the inferred types
// (type-only imports: nothing here reaches a bundle).
import { z } from 'zod';
import { caseSummary, rating } from './cases';
import { instant, isoDate, named, uuid } from './registry';

export const bookingStatus = z.enum(['booked', 'confirmed', 'checked_in', 'completed', 'cancelled', 'declined', 'no_show']);
export type BookingStatus = z.infer<typeof bookingStatus>;

export const closedReasonCode = z.enum(['HOLIDAY', 'WEEKEND', 'NOT_OPEN_THIS_DAY', 'CLOSURE', 'PAST', 'NOT_YET_OPEN', 'NO_CAPACITY', 'FULL']);
export type ClosedReasonCode = z.infer<typeof closedReasonCode>;

export const availabilitySlot = named(
  'AvailabilitySlot',
  z.object({
    /** ISO 8601 with +08:00 */
    start: instant,
    end: instant,
    /** seats still bookable online */
    remaining: z.int().meta({ description: 'seats still bookable online' }),
    /** seats bookable online in all (walk-in seats excluded) */
    capacity: z.int().meta({ description: 'seats bookable online in all (walk-in seats excluded)' }),
  }),
);
export type AvailabilitySlot = z.infer<typeof availabilitySlot>;

export const availabilityDay = named(
  'AvailabilityDay',
  z.object({
    /** YYYY-MM-DD, Shanghai */
    date: isoDate,
    /** ISO 1 = Monday */
    weekday: z.int().min(1).max(7).meta({ description: 'ISO weekday, Monday = 1' }),
    open: z.boolean().meta({ description: 'false when nothing can be booked that day (see `reason`)' }),
    /** why the day cannot be booked, in plain words (holiday name, closure note, 已约满 …) */
    reason: z.object({ code: closedReasonCode, text: z.string().meta({ description: 'plain Chinese, e.g. 国庆节放假, 已约满' }) }).nullable(),
    slots: z.array(availabilitySlot).meta({ description: 'bookable slots; a FULL day keeps its slots with remaining 0' }),
  }),
);
export type AvailabilityDay = z.infer<typeof availabilityDay>;

export const availability = named(
  'Availability',
  z.object({
    centerId: uuid,
    itemId: uuid,
    from: isoDate,
    to: isoDate,
    /** false when the State Council schedule for a year in range is not yet published */
    scheduleKnown: z.boolean().meta({ description: "false when the State Council's holiday schedule for a year in range is not yet published" }),
    days: z.array(availabilityDay),
  }),
);
export type Availability = z.infer<typeof availability>;

export const bookedVia = z.enum(['self', 'family', 'agent', 'staff']);

const bookingFields = {
  id: uuid,
  code: z.string().regex(/^[2-9A-HJ-NP-Z]{8}$/).meta({ description: 'the 8-character booking code (预约码) a resident can read out' }),
  /** what the QR code encodes: the code with a server signature, checked by staff */
  qrPayload: z.string().meta({ description: 'what the QR code encodes: BMFW1.<code>.<server signature>; checked by staff' }),
  status: bookingStatus,
  slotStart: instant,
  slotEnd: instant,
  centerId: uuid,
  centerName: z.string(),
  itemId: uuid,
  itemName: z.string(),
  windowName: z.string().meta({ description: 'the window (窗口) the seat belongs to' }),
  applicant: z
    .object({ id: uuid, name: z.string() })
    .meta({ description: 'who the booking is for; the name is masked (王*英) in staff answers' }),
  bookedVia,
  statusReason: z.string().nullable().meta({ description: 'the reason given when cancelled or declined' }),
  createdAt: instant,
  cancelledAt: instant.nullable(),
  checkedInAt: instant.nullable(),
};

export const booking = named('Booking', z.object(bookingFields), 'A booking (预约). Times are ISO 8601 in Shanghai time (+08:00).');
export type Booking = z.infer<typeof booking>;

export const bookingEventKind = z.enum([
  'booked', 'rescheduled', 'cancelled', 'confirmed', 'declined', 'checked_in', 'no_show',
  'accepted', 'needs_supplement', 'supplemented', 'forwarded', 'completed', 'rejected', 'rated',
  // the queue: 已叫号 (data.ticket, data.window, data.count), 过号, 重新排队
  'called', 'missed', 'requeued',
]);

export const bookingEvent = named(
  'BookingEvent',
  z.object({
    at: instant,
    /**
     * booking events, then case events once staff accept the matter:
     * accepted 受理, needs_supplement 补正 (data.missing: string[]), supplemented, forwarded 上报,
     * completed 办结 (data.outcome), rejected 不予受理 (data.reason), rated 已评价
     */
    kind: bookingEventKind,
    data: z.record(z.string(), z.unknown()).meta({
      description:
        'rescheduled: `{ from, to }`; cancelled: `{ reason }` when given; declined: `{ reason }`; checked_in: `{ ticket }`; accepted: `{ promisedBy }`; needs_supplement and supplemented: `{ missing }` (material names); forwarded: `{ note }` when given; completed: `{ outcome }` when given; rejected: `{ reason }`; rated: `{ level }`; called: `{ ticket, window, count }` (已叫号); missed and requeued: `{ ticket }`; otherwise `{}`',
    }),
  }),
);
export type BookingEvent = z.infer<typeof bookingEvent>;

export const bookingDetail = named(
  'BookingDetail',
  z.object({
    ...bookingFields,
    timeline: z.array(bookingEvent),
    /** the case (办件) once staff accepted the matter; null before */
    case: caseSummary.nullable(),
    /** the resident's rating after completion; null until rated */
    rating: rating.nullable(),
  }),
  'A booking with its timeline (oldest event first; steps staff undid are left out), its case once accepted and its rating once rated',
);
export type BookingDetail = z.infer<typeof bookingDetail>;

export const bookingList = named('BookingList', z.object({ bookings: z.array(booking) }));
export type BookingList = z.infer<typeof bookingList>;

/** Subscribe-message accepts (订阅提醒) recorded for a booking. */
export const reminderConsents = named(
  'ReminderConsents',
  z.object({
    bookingId: uuid,
    recorded: z.int().meta({ description: 'accepts recorded by this request' }),
    /** unsent accepts of the caller for this booking, per template */
    pending: z.array(
      z.object({
        templateId: z.string(),
        count: z.int().min(1).meta({ description: 'accepts not used yet: each allows one message' }),
      }),
    ),
  }),
);
export type ReminderConsents = z.infer<typeof reminderConsents>;

export interface BookingRequest {
  centerId: string;
  itemId: string;
  slotStart: string;
  applicantId?: string;
  note?: string;
}
