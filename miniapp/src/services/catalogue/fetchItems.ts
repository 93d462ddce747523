import type { ItemCategory, ItemSummary, Page } from '@contract/catalogue';
import { PAGE_SIZE } from '@/lib/paging';
import { getJson } from '@/platform/request';

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

/** GET /api/items — one page of the catalogue. */
export async function fetchItems(query: ItemQuery = {}): Promise<Page<ItemSummary>> {
  const limit = query.limit ?? PAGE_SIZE;
  const offset = query.offset ?? 0;
  const page = await getJson<Page<ItemSummary>>('/api/items', {
    q: query.q,
    category: query.category,
    department: query.department,
    center: query.center,
    limit,
    offset,
  });
  return {
    total: page.total ?? 0,
    limit: page.limit ?? limit,
    offset: page.offset ?? offset,
    rows: Array.isArray(page.rows) ? page.rows : [],
  };
}
