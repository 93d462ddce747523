import type { Booking } from '@contract/booking';
import { postWithLogin } from '@/platform/send';

export type CheckedIn = Booking & { ticket: { number: number; serviceDate: string } };

/** POST /api/bookings/check-in — joins today's queue (checking in twice answers the same number). */
export function checkIn(code: string): Promise<CheckedIn> {
  return postWithLogin<CheckedIn>('/api/bookings/check-in', { code });
}
