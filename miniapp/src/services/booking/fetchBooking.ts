import type { BookingDetail } from '@contract/booking';
import { getWithLogin } from '@/platform/send';

/** GET /api/bookings/{id} — one booking with its timeline, case and rating. */
export async function fetchBooking(id: string): Promise<BookingDetail> {
  const booking = await getWithLogin<BookingDetail>(`/api/bookings/${encodeURIComponent(id)}`);
  return {
    ...booking,
    timeline: Array.isArray(booking.timeline) ? booking.timeline : [],
    case: booking.case ?? null,
    rating: booking.rating ?? null,
  };
}
