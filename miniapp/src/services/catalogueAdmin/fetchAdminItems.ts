import type { AdminItemPage } from '@contract/catalogue-admin';
import { getWithLogin } from '@/platform/send';

/** GET /api/admin/catalogue/items — the county's items, published or not. */
export function fetchAdminItems(q: { q?: string; offset?: number; limit?: number }): Promise<AdminItemPage> {
  return getWithLogin<AdminItemPage>('/api/admin/catalogue/items', { q: q.q, offset: q.offset, limit: q.limit ?? 30 });
}
