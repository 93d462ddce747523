import type { AcceptCaseRequest, CaseDetail } from '@contract/cases';
import { postWithLogin } from '@/platform/send';

/** POST /api/cases — 受理 a checked-in booking or a number of today's queue. */
export function acceptCase(request: AcceptCaseRequest, idempotencyKey: string): Promise<CaseDetail> {
  return postWithLogin<CaseDetail>('/api/cases', request, idempotencyKey);
}
