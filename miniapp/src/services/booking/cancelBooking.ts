import type { Booking } from '@contract/booking';
import { postWithLogin } from '@/platform/send';

/** POST /api/bookings/{id}/cancel — frees the seat at once. */
export function cancelBooking(id: string, idempotencyKey: string, reason?: string): Promise<Booking> {
  const text = reason?.trim() ?? '';
  return postWithLogin<Booking>(
    `/api/bookings/${encodeURIComponent(id)}/cancel`,
    text === '' ? {} : { reason: text },
    idempotencyKey,
  );
}
