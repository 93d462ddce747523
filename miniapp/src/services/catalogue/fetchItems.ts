import type { ItemCategory, ItemSearchPage } from '@contract/catalogue';
import { mapFetched } from '@/lib/fetched';
import { PAGE_SIZE } from '@/lib/paging';
import { getJsonOrSaved, type Fetched } from '@/platform/request';

export interface ItemQuery {
  q?: string;
  category?: ItemCategory | '';
  /** department code */
  department?: string;
  /** centre id */
  center?: string;
  limit?: number;
  offset?: number;
}

/**
 * GET /api/items — one page of the catalogue (popular items first when there is no text), with
 * the matching 一件事 bundles on a search's first page; the saved copy when offline.
 */
export async function fetchItems(query: ItemQuery = {}): Promise<Fetched<ItemSearchPage>> {
  const limit = query.limit ?? PAGE_SIZE;
  const offset = query.offset ?? 0;
  const fetched = await getJsonOrSaved<ItemSearchPage>('/api/items', {
    q: query.q,
    category: query.category,
    department: query.department,
    center: query.center,
    limit,
    offset,
  });
  return mapFetched(fetched, (page) => ({
    total: page.total ?? 0,
    limit: page.limit ?? limit,
    offset: page.offset ?? offset,
    rows: Array.isArray(page.rows) ? page.rows : [],
    bundles: Array.isArray(page.bundles) ? page.bundles : [],
    soundsLike: page.soundsLike === true,
  }));
}
