import type { DeliveryReport } from '@contract/notifications';
import { getWithLogin } from '@/platform/send';

/** GET /api/admin/notifications — the county admin's delivery report of the last `days` days. */
export function fetchDeliveryReport(days = 7): Promise<DeliveryReport> {
  return getWithLogin<DeliveryReport>('/api/admin/notifications', { days });
}
