import type { CatalogueItemInput, SaveItemResult } from '@contract/catalogue-admin';
import { sendJson } from '@/platform/send';

/** POST (new, with the action's Idempotency-Key) or PUT /api/admin/catalogue/items/{id}. */
export function saveAdminItem(input: CatalogueItemInput, id: string | null, idempotencyKey: string): Promise<SaveItemResult> {
  return id
    ? sendJson<SaveItemResult>('PUT', `/api/admin/catalogue/items/${encodeURIComponent(id)}`, { body: input })
    : sendJson<SaveItemResult>('POST', '/api/admin/catalogue/items', { body: input, idempotencyKey });
}
