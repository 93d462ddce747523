// JSON shapes of case handling (办件) and ratings (好差评), shared with the mini-program.
// A case starts when window staff accept (受理) a checked-in booking or a walk-in matter.

/** 受理 / 补正 / 上报 / 办结 / 不予受理 */
export type CaseStatus = 'accepted' | 'needs_supplement' | 'forwarded' | 'completed' | 'rejected';

export interface CaseSummary {
  id: string;
  status: CaseStatus;
  acceptedAt: string; // ISO +08:00
  /** the promised completion date (承诺办结日期), counted in working days from acceptance */
  promisedBy: string | null; // YYYY-MM-DD
  /** when status is needs_supplement: exactly what to bring (material names) */
  missingMaterials: string[];
  /** when rejected (不予受理): the reason, in plain words */
  rejectReason: string | null;
  /** when completed: what the resident gets (e.g. "证件已办好，请带身份证到窗口领取") */
  outcome: string | null;
  completedAt: string | null;
}

/** 好差评: five levels, 5 = 非常满意 … 1 = 非常不满意 */
export type RatingLevel = 1 | 2 | 3 | 4 | 5;

export interface Rating {
  level: RatingLevel;
  /** the standard indicators the resident ticked (e.g. 'attitude', 'efficiency') */
  indicators: string[];
  comment: string | null;
  createdAt: string;
  /** true for 不满意 / 非常不满意: a rectification (整改) is opened and followed up */
  followUp: boolean;
  /** the follow-up's state and, once closed, what was done; null without follow-up */
  followUpResult?: { status: 'open' | 'closed'; dueBy: string; closedAt: string | null; resolution: string | null } | null;
}

export interface RatingRequest {
  level: RatingLevel;
  indicators: string[];
  comment?: string;
}

// ---------------------------------------------------------------------------------------
// Staff side (window staff and managers) and the answers of the case endpoints.

/** What staff can do to a case, by endpoint: supplement 补正, supplemented 已补齐, forward 上报, complete 办结, reject 不予受理 */
export type CaseAction = 'supplement' | 'supplemented' | 'forward' | 'complete' | 'reject';

/** One step of a case's history, oldest first. Undone steps (a mis-tap taken back) stay, marked. */
export interface CaseStep {
  at: string; // ISO +08:00
  kind: 'accepted' | 'needs_supplement' | 'supplemented' | 'forwarded' | 'completed' | 'rejected' | 'rated';
  data: Record<string, unknown>;
  /** true when staff took this step back within the undo window (staff see these; residents do not) */
  undone: boolean;
}

/** A case as staff see it: the summary plus what the window needs. */
export interface CaseDetail extends CaseSummary {
  centerId: string;
  itemId: string;
  itemName: string;
  /** null for a walk-in case */
  bookingId: string | null;
  /** today's queue number the case was accepted from, when there was one */
  ticketNumber: number | null;
  /** the item's promised time limit in working days (0 = 即办) */
  promisedDays: number;
  /** the note sent with 上报 */
  forwardNote: string | null;
  /** handling time, call (or acceptance) → completion or rejection, in seconds; null while open */
  handlingSeconds: number | null;
  /** true once the acceptance itself was undone: the case no longer counts */
  voided: boolean;
  steps: CaseStep[];
  /** the caller's latest step and until when it can be undone (2 minutes); null when there is none */
  undo: { kind: CaseStep['kind']; until: string } | null;
}

/** 受理: a checked-in booking, or a ticket number of today's queue (a walk-in needs the item unless its ticket has one). */
export type AcceptCaseRequest = { bookingId: string } | { ticketNumber: number; itemId?: string };

/** The answer to a rating: the rating, and for 不满意 / 非常不满意 when and how it will be followed up. */
export interface RatingResult extends Rating {
  /** the rectification deadline (YYYY-MM-DD), 10 working days after the rating; null without follow-up */
  followUpBy: string | null;
  /** what the resident is told (plain Chinese); null without follow-up */
  followUpMessage: string | null;
}

// ---------------------------------------------------------------------------------------
// 好差评 for managers and admins: the ratings with a summary, and the follow-ups (整改).

/** A follow-up of a bad rating, due 10 working days after it. */
export interface Rectification {
  id: string;
  status: 'open' | 'closed';
  openedAt: string;
  /** YYYY-MM-DD */
  dueBy: string;
  /** open and past its due date (Shanghai) */
  overdue: boolean;
  closedAt: string | null;
  closedByName: string | null;
  resolution: string | null;
}

export interface RatingRow {
  id: string;
  level: RatingLevel;
  indicators: string[];
  comment: string | null;
  createdAt: string;
  itemName: string;
  center: { id: string; name: string; kind: 'center' | 'station' };
  /** who finished the case (for the window's appraisal) */
  staffName: string | null;
  bookingId: string;
  bookingCode: string;
  followUp: Rectification | null;
}

export interface RatingSummary {
  total: number;
  /** levels 4 and 5 */
  satisfied: number;
  /** satisfied / total, 0–1; null with no ratings */
  satisfactionRate: number | null;
  byLevel: Record<'1' | '2' | '3' | '4' | '5', number>;
  /** how often each indicator was ticked */
  indicators: Record<string, number>;
  openFollowUps: number;
  overdueFollowUps: number;
}

export interface RatingList {
  summary: RatingSummary;
  /** rows matching the filter (only bad ones when asked) */
  total: number;
  rows: RatingRow[];
}
