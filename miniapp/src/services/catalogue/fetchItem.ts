import type { ItemDetail } from '@contract/catalogue';
import { getJson } from '@/platform/request';

/** GET /api/items/{id} — the guide of one item, with materials and centres. */
export function fetchItem(id: string): Promise<ItemDetail> {
  return getJson<ItemDetail>(`/api/items/${encodeURIComponent(id)}`);
}
