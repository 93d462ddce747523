// JSON shapes of the window staff's workbench (手机工作台): the day lists, the queue, check-in
// and walk-in tickets. Applicant names are always masked (王*英) in these answers: staff check
// the ID card. Declared once as zod schemas (the operations answer with them, the OpenAPI
// document is generated from them, the API tests validate every answer against them); the
// mini-program imports the inferred types (type-only imports).
import { z } from 'zod';
import { booking, bookedVia, bookingEvent, bookingStatus } from './booking';
import { caseStatus } from './cases';
import { materialForm } from './catalogue';
import { instant, isoDate, named, uuid } from './registry';

/** waiting 等候 → called 已叫号 → serving 办理中 → done 办完; missed 过号; cancelled */
export const ticketStatus = z
  .enum(['waiting', 'called', 'serving', 'done', 'missed', 'cancelled'])
  .meta({ description: 'waiting 等候, called 已叫号, serving 办理中, done 办完, missed 过号, cancelled' });
export type TicketStatus = z.infer<typeof ticketStatus>;

/** What staff can do to a ticket: 再叫一次, 开始办理, 办完了, 过号, 放回排队 */
export type TicketAction = 'recall' | 'serve' | 'finish' | 'missed' | 'requeue';

/** A queue action as the board and the undo name it (叫下一位 is `call`). */
export const queueAction = z.enum(['call', 'recall', 'serve', 'finish', 'missed', 'requeue']);
export type QueueAction = z.infer<typeof queueAction>;

/** How many times a person is called at a window before they can only be marked missed. */
export const RECALL_LIMIT = 3;

/** The case of a booking or ticket once accepted: its id and status. */
const caseRef = z.object({ id: uuid, status: caseStatus });

export const queueTicket = named(
  'QueueTicket',
  z.object({
    id: uuid,
    number: z.int().min(1).meta({ description: "the day's queue number" }),
    kind: z.enum(['walk_in', 'booking']),
    status: ticketStatus,
    serviceDate: isoDate,
    itemId: uuid.nullable(),
    itemName: z.string().nullable(),
    bookingId: uuid.nullable(),
    applicantName: z.string().nullable().meta({ description: 'masked (王*英); null for a walk-in' }),
    slotStart: instant.nullable().meta({ description: "a booking's slot start" }),
    issuedAt: instant,
    queueAt: instant.meta({ description: 'the queue is ordered by this, then by number' }),
    windowId: uuid.nullable(),
    windowName: z.string().nullable(),
    callCount: z.int().min(0).max(RECALL_LIMIT).meta({ description: 'calls in this round (at most 3, then 过号)' }),
    calledAt: instant.nullable(),
    lastCalledAt: instant.nullable(),
    servingAt: instant.nullable(),
    finishedAt: instant.nullable(),
    missedAt: instant.nullable(),
    handlingSeconds: z.int().nullable().meta({ description: 'call → finish, once done' }),
    case: caseRef.nullable(),
  }),
  "A ticket of the day's queue (取号 or a checked-in booking)",
);
export type QueueTicket = z.infer<typeof queueTicket>;

export const windowRef = named('WindowRef', z.object({ id: uuid, number: z.int(), name: z.string() }));
export type WindowRef = z.infer<typeof windowRef>;

const queueBoardFields = {
  serviceDate: isoDate,
  windows: z.array(windowRef),
  windowId: uuid.nullable(),
  current: queueTicket.nullable().meta({ description: 'the person called to or served at this window' }),
  waiting: z.array(queueTicket).meta({ description: 'in calling order' }),
  missed: z.array(queueTicket).meta({ description: "today's missed turns, newest first" }),
  atOtherWindows: z.array(queueTicket),
  counts: z.object({ waiting: z.int(), atWindows: z.int(), done: z.int(), missed: z.int() }),
  lastAction: z
    .object({ action: queueAction, at: instant, number: z.int(), undoUntil: instant.nullable() })
    .nullable()
    .meta({ description: "the caller's latest action at this window; `undoUntil` while `POST /api/queue/undo` can take it back" }),
};

export const queueBoard = named('QueueBoard', z.object(queueBoardFields), "Today's queue of the caller's centre seen from one window");
export type QueueBoard = z.infer<typeof queueBoard>;

/** The answer of 叫下一位: the board, and who was called (null: nobody is waiting). */
export const callNextResult = named(
  'CallNextResult',
  z.object({ ...queueBoardFields, called: queueTicket.nullable() }),
  'the board after 叫下一位, and who was called (null: nobody waiting)',
);
export type CallNextResult = z.infer<typeof callNextResult>;

/** The answer of a ticket action (再叫一次, 开始办理, 办完了, 过号, 放回排队). */
export const ticketActionResult = named(
  'TicketActionResult',
  z.object({ ...queueBoardFields, ticket: queueTicket }),
  'the board after the action, and the ticket',
);
export type TicketActionResult = z.infer<typeof ticketActionResult>;

/** The answer of 撤销. */
export const queueUndoResult = named(
  'QueueUndoResult',
  z.object({ ...queueBoardFields, undone: z.object({ action: queueAction, at: instant }) }),
  'the board after the undo, and what was undone',
);
export type QueueUndoResult = z.infer<typeof queueUndoResult>;

export const materialLine = named(
  'MaterialLine',
  z.object({
    name: z.string(),
    form: materialForm,
    copies: z.int(),
    requirement: z.enum(['required', 'conditional']),
    condition: z.string().nullable(),
  }),
);
export type MaterialLine = z.infer<typeof materialLine>;

export const staffDayBooking = named(
  'StaffDayBooking',
  z.object({
    id: uuid,
    status: bookingStatus,
    slotStart: instant,
    slotEnd: instant,
    itemId: uuid,
    itemName: z.string(),
    windowName: z.string(),
    applicantName: z.string().meta({ description: 'masked, e.g. 王*英' }),
    bookedVia,
    statusReason: z.string().nullable(),
    checkedInAt: instant.nullable(),
    ticket: z.object({ id: uuid, number: z.int(), status: ticketStatus }).nullable(),
    case: caseRef.nullable(),
  }),
);
export type StaffDayBooking = z.infer<typeof staffDayBooking>;

export const staffDay = named(
  'StaffDay',
  z.object({
    date: isoDate,
    today: isoDate,
    centerId: uuid,
    centerName: z.string(),
    counts: z.object({ pending: z.int(), active: z.int(), checkedIn: z.int(), completed: z.int(), cancelled: z.int(), noShow: z.int() }),
    bookings: z.array(staffDayBooking).meta({ description: 'by slot time' }),
    materials: z.record(z.string(), z.array(materialLine)).meta({ description: "each listed item's materials checklist, by item id" }),
  }),
);
export type StaffDay = z.infer<typeof staffDay>;

/** One booking as the workbench shows it. */
export const staffBooking = named(
  'StaffBooking',
  booking.omit({ qrPayload: true }).extend({
    timeline: z.array(bookingEvent),
    ticket: queueTicket.nullable(),
    case: caseRef.nullable(),
    materials: z.array(materialLine),
  }),
  'A booking for the workbench: applicant masked, no QR payload, with its ticket, case and materials',
);
export type StaffBooking = z.infer<typeof staffBooking>;

/** A checked-in booking's place in the queue. */
export const queueTicketRef = named(
  'QueueTicketRef',
  z.object({
    number: z.int().min(1).meta({ description: "the day's queue number (叫号), shared with walk-in tickets" }),
    serviceDate: isoDate,
  }),
);
export type QueueTicketRef = z.infer<typeof queueTicketRef>;

/** The answer of the check-in: the booking (applicant masked) with its queue number. */
export const checkedInBooking = named(
  'CheckedInBooking',
  booking.extend({ ticket: queueTicketRef }),
  'A checked-in booking with its queue number; the applicant name is masked',
);
export type CheckedInBooking = z.infer<typeof checkedInBooking>;

/** 现场取号: the number of a resident who came without booking. */
export const walkInTicket = named(
  'WalkInTicket',
  z.object({
    number: z.int().min(1),
    serviceDate: isoDate,
    centerId: uuid,
    itemId: uuid.nullable(),
    kind: z.literal('walk_in'),
  }),
);
export type WalkInTicket = z.infer<typeof walkInTicket>;
