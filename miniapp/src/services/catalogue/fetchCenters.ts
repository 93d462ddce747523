import type { CenterKind, CenterSummary } from '@contract/catalogue';
import { getJson } from '@/platform/request';

export interface CenterQuery {
  kind?: CenterKind;
  q?: string;
}

/** GET /api/centers — all centres and stations (filtered by kind / text when given). */
export async function fetchCenters(query: CenterQuery = {}): Promise<CenterSummary[]> {
  const body = await getJson<{ centers: CenterSummary[] }>('/api/centers', {
    kind: query.kind,
    q: query.q,
  });
  return Array.isArray(body.centers) ? body.centers : [];
}
