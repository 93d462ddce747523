import type { OnDuty } from '@contract/center-config';
import { getJson } from '@/platform/request';

/** GET /api/centers/{id}/on-duty — today's consented staff on duty (public). */
export function fetchOnDuty(centerId: string): Promise<OnDuty> {
  return getJson<OnDuty>(`/api/centers/${encodeURIComponent(centerId)}/on-duty`);
}
