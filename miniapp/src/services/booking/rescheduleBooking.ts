import type { Booking } from '@contract/booking';
import { postWithLogin } from '@/platform/send';

/** POST /api/bookings/{id}/reschedule — all or nothing: if the new slot fails, the old one stays. */
export function rescheduleBooking(id: string, slotStart: string, idempotencyKey: string): Promise<Booking> {
  return postWithLogin<Booking>(`/api/bookings/${encodeURIComponent(id)}/reschedule`, { slotStart }, idempotencyKey);
}
