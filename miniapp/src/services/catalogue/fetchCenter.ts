import type { CenterDetail } from '@contract/catalogue';
import { getJson } from '@/platform/request';

/** GET /api/centers/{id} — one centre with hours, parent and stations. */
export function fetchCenter(id: string): Promise<CenterDetail> {
  return getJson<CenterDetail>(`/api/centers/${encodeURIComponent(id)}`);
}
