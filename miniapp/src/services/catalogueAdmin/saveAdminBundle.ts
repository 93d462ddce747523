import type { AdminBundle, BundleInput } from '@contract/catalogue-admin';
import { sendJson } from '@/platform/send';

/** POST (new, with the action's Idempotency-Key) or PUT /api/admin/catalogue/bundles/{id}. */
export function saveAdminBundle(input: BundleInput, id: string | null, idempotencyKey: string): Promise<AdminBundle> {
  return id
    ? sendJson<AdminBundle>('PUT', `/api/admin/catalogue/bundles/${encodeURIComponent(id)}`, { body: input })
    : sendJson<AdminBundle>('POST', '/api/admin/catalogue/bundles', { body: input, idempotencyKey });
}
