import type { BundleDetail } from '@contract/catalogue';
import { getJsonOrSaved, type Fetched } from '@/platform/request';

/** GET /api/bundles/{id} — a 一件事 bundle with each item's guide; the saved copy when offline. */
export function fetchBundle(id: string): Promise<Fetched<BundleDetail>> {
  return getJsonOrSaved<BundleDetail>(`/api/bundles/${encodeURIComponent(id)}`);
}
