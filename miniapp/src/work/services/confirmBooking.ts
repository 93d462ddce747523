import type { Booking } from '@contract/booking';
import { postWithLogin } from '@/platform/send';

/** POST /api/bookings/{id}/confirm */
export function confirmBooking(id: string, idempotencyKey: string): Promise<Booking> {
  return postWithLogin<Booking>(`/api/bookings/${encodeURIComponent(id)}/confirm`, {}, idempotencyKey);
}
