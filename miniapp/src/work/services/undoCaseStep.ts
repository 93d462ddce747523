import type { CaseDetail } from '@contract/cases';
import { postWithLogin } from '@/platform/send';

/** POST /api/cases/{id}/undo — my latest step, within 2 minutes. */
export function undoCaseStep(id: string, idempotencyKey: string): Promise<CaseDetail> {
  return postWithLogin<CaseDetail>(`/api/cases/${encodeURIComponent(id)}/undo`, {}, idempotencyKey);
}
