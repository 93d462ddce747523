import type { StaffDay } from '@contract/queue';
import { getWithLogin } from '@/platform/send';

/** GET /api/staff/day — my centre's bookings on a day (today by default). */
export function fetchStaffDay(date?: string): Promise<StaffDay> {
  return getWithLogin<StaffDay>('/api/staff/day', { date });
}
