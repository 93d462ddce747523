import type { Booking, BookingRequest } from '@contract/booking';
import { postWithLogin } from '@/platform/send';

/** POST /api/bookings — takes one seat; the same key on a retry never books twice. */
export function createBooking(request: BookingRequest, idempotencyKey: string): Promise<Booking> {
  return postWithLogin<Booking>('/api/bookings', request, idempotencyKey);
}
