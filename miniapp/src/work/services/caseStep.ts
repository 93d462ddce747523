import type { CaseAction, CaseDetail } from '@contract/cases';
import { postWithLogin } from '@/platform/send';

/** POST /api/cases/{id}/{supplement|supplemented|forward|complete|reject} */
export function caseStep(id: string, action: CaseAction, body: Record<string, unknown>, idempotencyKey: string): Promise<CaseDetail> {
  return postWithLogin<CaseDetail>(`/api/cases/${encodeURIComponent(id)}/${action}`, body, idempotencyKey);
}
