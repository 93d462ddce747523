// JSON shapes of the window staff's workbench (手机工作台): the day lists and the queue.
// Applicant names are always masked (王*英) in these answers: staff check the ID card.
import type { Booking, BookingEvent, BookingStatus } from './booking';
import type { CaseStatus } from './cases';

/** waiting 等候 → called 已叫号 → serving 办理中 → done 办完; missed 过号; cancelled */
export type TicketStatus = 'waiting' | 'called' | 'serving' | 'done' | 'missed' | 'cancelled';

/** What staff can do to a ticket: 再叫一次, 开始办理, 办完了, 过号, 放回排队 */
export type TicketAction = 'recall' | 'serve' | 'finish' | 'missed' | 'requeue';

/** How many times a person is called at a window before they can only be marked missed. */
export const RECALL_LIMIT = 3;

export interface QueueTicket {
  id: string;
  number: number;
  kind: 'walk_in' | 'booking';
  status: TicketStatus;
  serviceDate: string;
  itemId: string | null;
  itemName: string | null;
  bookingId: string | null;
  /** masked (王*英); null for a walk-in */
  applicantName: string | null;
  /** the booked slot's start (booking tickets) */
  slotStart: string | null;
  issuedAt: string;
  /** the queue's order: by this, then by number */
  queueAt: string;
  windowId: string | null;
  windowName: string | null;
  /** calls in this round (1…3) */
  callCount: number;
  calledAt: string | null;
  lastCalledAt: string | null;
  servingAt: string | null;
  finishedAt: string | null;
  missedAt: string | null;
  /** call → finish, in seconds, once done */
  handlingSeconds: number | null;
  case: { id: string; status: CaseStatus } | null;
}

export interface WindowRef {
  id: string;
  number: number;
  name: string;
}

export interface QueueBoard {
  serviceDate: string;
  windows: WindowRef[];
  windowId: string | null;
  /** the person called to or being served at this window */
  current: QueueTicket | null;
  /** in calling order */
  waiting: QueueTicket[];
  /** today's missed turns, newest first (they can be put back) */
  missed: QueueTicket[];
  /** people called to or served at the other windows */
  atOtherWindows: QueueTicket[];
  counts: { waiting: number; atWindows: number; done: number; missed: number };
  /** the caller's latest action at this window, and until when it can be undone (null: too late or none) */
  lastAction: { action: 'call' | 'recall' | 'serve' | 'finish' | 'missed' | 'requeue'; at: string; number: number; undoUntil: string | null } | null;
}

/** The answer of 叫下一位: the board, and who was called (null: nobody is waiting). */
export interface CallNextResult extends QueueBoard {
  called: QueueTicket | null;
}

export interface MaterialLine {
  name: string;
  form: 'original' | 'copy' | 'original_and_copy' | 'electronic';
  copies: number;
  requirement: 'required' | 'conditional';
  condition: string | null;
}

export interface StaffDayBooking {
  id: string;
  status: BookingStatus;
  slotStart: string;
  slotEnd: string;
  itemId: string;
  itemName: string;
  windowName: string;
  applicantName: string;
  bookedVia: Booking['bookedVia'];
  statusReason: string | null;
  checkedInAt: string | null;
  ticket: { id: string; number: number; status: TicketStatus } | null;
  case: { id: string; status: CaseStatus } | null;
}

export interface StaffDay {
  date: string;
  today: string;
  centerId: string;
  centerName: string;
  counts: { pending: number; active: number; checkedIn: number; completed: number; cancelled: number; noShow: number };
  /** by slot time */
  bookings: StaffDayBooking[];
  /** each item's materials checklist, by item id */
  materials: Record<string, MaterialLine[]>;
}

/** One booking as the workbench shows it. */
export interface StaffBooking extends Omit<Booking, 'qrPayload'> {
  timeline: BookingEvent[];
  ticket: QueueTicket | null;
  case: { id: string; status: CaseStatus } | null;
  materials: MaterialLine[];
}
