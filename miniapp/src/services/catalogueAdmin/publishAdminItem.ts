import type { AdminItem, PublishItemRequest } from '@contract/catalogue-admin';
import { postWithLogin } from '@/platform/send';

/** POST /api/admin/catalogue/items/{id}/publish */
export function publishAdminItem(id: string, request: PublishItemRequest): Promise<AdminItem> {
  return postWithLogin<AdminItem>(`/api/admin/catalogue/items/${encodeURIComponent(id)}/publish`, request);
}
