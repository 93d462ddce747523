import type { AdminItem } from '@contract/catalogue-admin';
import { getWithLogin } from '@/platform/send';

/** GET /api/admin/catalogue/items/{id} */
export function fetchAdminItem(id: string): Promise<AdminItem> {
  return getWithLogin<AdminItem>(`/api/admin/catalogue/items/${encodeURIComponent(id)}`);
}
