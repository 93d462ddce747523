import type { AdminBundle } from '@contract/catalogue-admin';
import { getWithLogin } from '@/platform/send';

/** GET /api/admin/catalogue/bundles */
export function fetchAdminBundles(): Promise<{ bundles: AdminBundle[] }> {
  return getWithLogin('/api/admin/catalogue/bundles');
}
