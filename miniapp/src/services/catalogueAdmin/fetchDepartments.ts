import type { Department } from '@contract/catalogue-admin';
import { getWithLogin } from '@/platform/send';

/** GET /api/admin/catalogue/departments */
export function fetchDepartments(): Promise<{ departments: Department[] }> {
  return getWithLogin('/api/admin/catalogue/departments');
}
