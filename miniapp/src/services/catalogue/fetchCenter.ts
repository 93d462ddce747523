import type { CenterDetail } from '@contract/catalogue';
import { getJsonOrSaved, type Fetched } from '@/platform/request';

/** GET /api/centers/{id} — one centre with hours, parent and stations; the saved copy when offline. */
export function fetchCenter(id: string): Promise<Fetched<CenterDetail>> {
  return getJsonOrSaved<CenterDetail>(`/api/centers/${encodeURIComponent(id)}`);
}
