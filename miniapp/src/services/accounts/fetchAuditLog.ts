import type { AuditPage } from '@contract/accounts';
import { getWithLogin } from '@/platform/send';

/** GET /api/admin/audit-log — newest first; `before` pages back. */
export function fetchAuditLog(before?: number | null, limit = 30): Promise<AuditPage> {
  return getWithLogin<AuditPage>('/api/admin/audit-log', { before: before ?? undefined, limit });
}
