import type { RatingRequest, RatingResult } from '@contract/cases';
import { postWithLogin } from '@/platform/send';

/** POST /api/bookings/{id}/rating — 好差评 once the matter was completed or refused. */
export function rateBooking(id: string, rating: RatingRequest, idempotencyKey: string): Promise<RatingResult> {
  return postWithLogin<RatingResult>(`/api/bookings/${encodeURIComponent(id)}/rating`, rating, idempotencyKey);
}
