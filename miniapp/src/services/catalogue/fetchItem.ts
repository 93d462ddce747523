import type { ItemDetail } from '@contract/catalogue';
import { getJsonOrSaved, type Fetched } from '@/platform/request';

/** GET /api/items/{id} — the guide of one item, with materials and centres; the saved copy when offline. */
export function fetchItem(id: string): Promise<Fetched<ItemDetail>> {
  return getJsonOrSaved<ItemDetail>(`/api/items/${encodeURIComponent(id)}`);
}
