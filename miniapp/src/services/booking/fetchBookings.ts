import type { Booking } from '@contract/booking';
import { getWithLogin } from '@/platform/send';

/** GET /api/bookings — the caller's bookings and those of the people they book for. */
export async function fetchBookings(): Promise<Booking[]> {
  const body = await getWithLogin<{ bookings: Booking[] }>('/api/bookings');
  return Array.isArray(body.bookings) ? body.bookings : [];
}
