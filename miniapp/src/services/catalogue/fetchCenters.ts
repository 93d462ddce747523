import type { CenterKind, CenterSummary } from '@contract/catalogue';
import { mapFetched } from '@/lib/fetched';
import { getJsonOrSaved, type Fetched } from '@/platform/request';

export interface CenterQuery {
  kind?: CenterKind;
  q?: string;
}

/** GET /api/centers — all centres and stations (filtered by kind / text when given); the saved copy when offline. */
export async function fetchCenters(query: CenterQuery = {}): Promise<Fetched<CenterSummary[]>> {
  const fetched = await getJsonOrSaved<{ centers: CenterSummary[] }>('/api/centers', {
    kind: query.kind,
    q: query.q,
  });
  return mapFetched(fetched, (body) => (Array.isArray(body.centers) ? body.centers : []));
}
