import type { CaseDetail } from '@contract/cases';
import { getWithLogin } from '@/platform/send';

/** GET /api/cases/{id} */
export function fetchCase(id: string): Promise<CaseDetail> {
  return getWithLogin<CaseDetail>(`/api/cases/${encodeURIComponent(id)}`);
}
