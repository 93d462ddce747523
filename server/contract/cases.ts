// JSON shapes of case handling (办件) and ratings (好差评), shared with the mini-program.
// A case starts when window staff accept (受理) a checked-in booking or a walk-in matter.
// Declared once as zod schemas (the operations answer with them, the OpenAPI document is
// generated from them, the API tests validate every answer against them); the mini-program
// imports the inferred types (type-only imports: nothing here reaches a bundle).
import { z } from 'zod';
import { RATING_INDICATORS } from '../cases/rating-indicators';
import { instant, isoDate, named, uuid } from './registry';

// 好差评 for managers and admins (the ratings with a summary, the follow-ups 整改): declared
// with their operations in ./follow-up, re-exported here for the mini-program's imports.
export { rectification, ratingList, ratingRow, ratingSummary } from './follow-up';
export type { RatingList, RatingRow, RatingSummary, Rectification } from './follow-up';

/** 受理 / 补正 / 上报 / 办结 / 不予受理 */
export const caseStatus = z
  .enum(['accepted', 'needs_supplement', 'forwarded', 'completed', 'rejected'])
  .meta({ description: '受理 accepted, 补正 needs_supplement, 上报 forwarded, 办结 completed, 不予受理 rejected' });
export type CaseStatus = z.infer<typeof caseStatus>;

export const caseSummary = named(
  'CaseSummary',
  z.object({
    id: uuid,
    status: caseStatus,
    acceptedAt: instant,
    /** the promised completion date (承诺办结日期), counted in working days from acceptance */
    promisedBy: isoDate
      .nullable()
      .meta({ description: "承诺办结日期: the item's promised working days after acceptance (holidays skipped, 调休 weekends worked)" }),
    /** when status is needs_supplement: exactly what to bring (material names) */
    missingMaterials: z.array(z.string()).meta({ description: 'when needs_supplement: exactly what to bring; otherwise empty' }),
    /** when rejected (不予受理): the reason, in plain words */
    rejectReason: z.string().nullable().meta({ description: 'when rejected' }),
    /** when completed: what the resident gets (e.g. "证件已办好，请带身份证到窗口领取") */
    outcome: z.string().nullable().meta({ description: 'when completed, if staff wrote one' }),
    completedAt: instant.nullable().meta({ description: 'when the case was completed or rejected' }),
  }),
  'The case (办件) once staff accepted the matter',
);
export type CaseSummary = z.infer<typeof caseSummary>;

/** 好差评: five levels, 5 = 非常满意 … 1 = 非常不满意 */
export const ratingLevel = z.literal([1, 2, 3, 4, 5]).meta({ description: '5 非常满意, 4 满意, 3 基本满意, 2 不满意, 1 非常不满意' });
export type RatingLevel = z.infer<typeof ratingLevel>;

const INDICATORS = RATING_INDICATORS.map((i) => `\`${i.code}\` ${i.label}`).join(', ');

const ratingFields = {
  level: ratingLevel,
  /** the standard indicators the resident ticked (e.g. 'attitude', 'efficiency') */
  indicators: z.array(z.string()).meta({ description: `ticked standard indicators: ${INDICATORS}` }),
  comment: z.string().nullable(),
  createdAt: instant,
  /** true for 不满意 / 非常不满意: a rectification (整改) is opened and followed up */
  followUp: z.boolean().meta({ description: 'true for level ≤ 2: a rectification (整改) is opened' }),
  /** the follow-up's state and, once closed, what was done; null without follow-up */
  followUpResult: z
    .object({ status: z.enum(['open', 'closed']), dueBy: isoDate, closedAt: instant.nullable(), resolution: z.string().nullable() })
    .nullable()
    .meta({ description: "the follow-up's state and, once closed, what was done (null without follow-up)" }),
};

export const rating = named('Rating', z.object(ratingFields), '好差评');
export type Rating = z.infer<typeof rating>;

export interface RatingRequest {
  level: RatingLevel;
  indicators: string[];
  comment?: string;
}

/** The answer to a rating: the rating, and for 不满意 / 非常不满意 when and how it will be followed up. */
export const ratingResult = named(
  'RatingResult',
  z.object({
    ...ratingFields,
    /** the rectification deadline (YYYY-MM-DD), 10 working days after the rating; null without follow-up */
    followUpBy: isoDate.nullable().meta({ description: 'the rectification deadline, 10 working days after the rating (level ≤ 2)' }),
    /** what the resident is told (plain Chinese); null without follow-up */
    followUpMessage: z.string().nullable().meta({ description: 'what to tell the resident (plain Chinese), level ≤ 2' }),
  }),
  '好差评',
);
export type RatingResult = z.infer<typeof ratingResult>;

// ---------------------------------------------------------------------------------------
// Staff side (window staff and managers) and the answers of the case endpoints.

/** What staff can do to a case, by endpoint: supplement 补正, supplemented 已补齐, forward 上报, complete 办结, reject 不予受理 */
export type CaseAction = 'supplement' | 'supplemented' | 'forward' | 'complete' | 'reject';

export const caseStepKind = z.enum(['accepted', 'needs_supplement', 'supplemented', 'forwarded', 'completed', 'rejected', 'rated']);
export type CaseStepKind = z.infer<typeof caseStepKind>;

/** One step of a case's history, oldest first. Undone steps (a mis-tap taken back) stay, marked. */
export const caseStep = named(
  'CaseStep',
  z.object({
    at: instant,
    kind: caseStepKind,
    data: z.record(z.string(), z.unknown()).meta({ description: 'as in BookingEvent' }),
    /** true when staff took this step back within the undo window (staff see these; residents do not) */
    undone: z.boolean().meta({ description: 'taken back by staff within 2 minutes (listed for staff of the centre and admins only)' }),
  }),
);
export type CaseStep = z.infer<typeof caseStep>;

const caseDetailFields = {
  ...caseSummary.shape,
  centerId: uuid,
  itemId: uuid,
  itemName: z.string(),
  /** null for a walk-in case */
  bookingId: uuid.nullable().meta({ description: 'null for a walk-in case' }),
  /** today's queue number the case was accepted from, when there was one */
  ticketNumber: z.int().nullable().meta({ description: "the queue number (today's) the case was accepted from" }),
  /** the item's promised time limit in working days (0 = 即办) */
  promisedDays: z.int().meta({ description: "the item's promised working days (0 = 即办)" }),
  /** the note sent with 上报 */
  forwardNote: z.string().nullable(),
  /** handling time, call (or acceptance) → completion or rejection, in seconds; null while open */
  handlingSeconds: z.int().nullable().meta({ description: 'from the call of the ticket (or the acceptance) to completion or rejection' }),
  /** true once the acceptance itself was undone: the case no longer counts */
  voided: z.boolean().meta({ description: 'the acceptance itself was undone' }),
  steps: z.array(caseStep),
  /** the caller's latest step and until when it can be undone (2 minutes); null when there is none */
  undo: z
    .object({ kind: caseStepKind, until: instant })
    .nullable()
    .meta({ description: "the caller's own latest step and until when `POST /api/cases/{id}/undo` can take it back" }),
};

/** A case as staff see it: the summary plus what the window needs. */
export const caseDetail = named('CaseDetail', z.object(caseDetailFields), 'A case (办件) as staff see it');
export type CaseDetail = z.infer<typeof caseDetail>;

/** The answer of 撤销: the case after the undo, and which step was taken back. */
export const undoneCase = named(
  'UndoneCase',
  z.object({ ...caseDetailFields, undone: z.object({ kind: caseStepKind, at: instant }) }),
  'the case after the undo, and which step was taken back',
);
export type UndoneCase = z.infer<typeof undoneCase>;

/** 受理: a checked-in booking, or a ticket number of today's queue (a walk-in needs the item unless its ticket has one). */
export type AcceptCaseRequest = { bookingId: string } | { ticketNumber: number; itemId?: string };
