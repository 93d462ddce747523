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
}

export interface RatingRequest {
  level: RatingLevel;
  indicators: string[];
  comment?: string;
}
