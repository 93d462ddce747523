// The case (办件) state machine, as the database enforces it (app.case_next_status in
// supabase/schemas/50_cases.sql; test/db/cases-rls.test.ts checks that both agree). Clients
// use it to show only the buttons that can work; the database has the last word.
import type { CaseAction, CaseStatus, CaseStep } from '../contract/cases';

export const CASE_STATUSES: readonly CaseStatus[] = ['accepted', 'needs_supplement', 'forwarded', 'completed', 'rejected'];
export const CASE_ACTIONS: readonly CaseAction[] = ['supplement', 'supplemented', 'forward', 'complete', 'reject'];

/**
 *   accepted ──supplement──▶ needs_supplement ──supplemented──▶ accepted
 *   accepted ──forward──▶ forwarded ──supplement──▶ needs_supplement
 *   accepted | forwarded ──complete──▶ completed            (final)
 *   accepted | needs_supplement | forwarded ──reject──▶ rejected (final)
 */
export const CASE_TRANSITIONS: Readonly<Record<CaseStatus, Readonly<Partial<Record<CaseAction, CaseStatus>>>>> = {
  accepted: { supplement: 'needs_supplement', forward: 'forwarded', complete: 'completed', reject: 'rejected' },
  needs_supplement: { supplemented: 'accepted', reject: 'rejected' },
  forwarded: { supplement: 'needs_supplement', complete: 'completed', reject: 'rejected' },
  completed: {},
  rejected: {},
};

/** The status after `action`, or null when the action is not allowed now. */
export function nextStatus(status: CaseStatus, action: CaseAction): CaseStatus | null {
  return CASE_TRANSITIONS[status][action] ?? null;
}

export function allowedActions(status: CaseStatus): CaseAction[] {
  return CASE_ACTIONS.filter((a) => nextStatus(status, a) !== null);
}

export function isFinal(status: CaseStatus): boolean {
  return allowedActions(status).length === 0;
}

/** The timeline event each action records. */
export const EVENT_OF_ACTION: Readonly<Record<CaseAction, CaseStep['kind']>> = {
  supplement: 'needs_supplement',
  supplemented: 'supplemented',
  forward: 'forwarded',
  complete: 'completed',
  reject: 'rejected',
};

export const CASE_STATUS_LABELS: Readonly<Record<CaseStatus, string>> = {
  accepted: '已受理',
  needs_supplement: '待补正',
  forwarded: '已上报',
  completed: '已办结',
  rejected: '不予受理',
};

/** Staff may take back their own latest step for this long (the database enforces it too). */
export const UNDO_WINDOW_MS = 2 * 60_000;

/** Until when the caller's latest step can be undone, or null (not theirs, or too late). */
export function undoDeadline(lastStep: { at: string; byMe: boolean } | null, now: Date): Date | null {
  if (!lastStep || !lastStep.byMe) return null;
  const until = new Date(new Date(lastStep.at).getTime() + UNDO_WINDOW_MS);
  return until.getTime() >= now.getTime() ? until : null;
}
