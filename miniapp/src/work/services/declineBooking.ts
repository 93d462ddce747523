import type { Booking } from '@contract/booking';
import { postWithLogin } from '@/platform/send';

/** POST /api/bookings/{id}/decline — with the reason the resident reads. */
export function declineBooking(id: string, reason: string, idempotencyKey: string): Promise<Booking> {
  return postWithLogin<Booking>(`/api/bookings/${encodeURIComponent(id)}/decline`, { reason }, idempotencyKey);
}
