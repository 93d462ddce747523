import type { StaffBooking } from '@contract/queue';
import { getWithLogin } from '@/platform/send';

/** GET /api/staff/bookings/{id} — one booking with ticket, case and materials. */
export function fetchStaffBooking(id: string): Promise<StaffBooking> {
  return getWithLogin<StaffBooking>(`/api/staff/bookings/${encodeURIComponent(id)}`);
}
