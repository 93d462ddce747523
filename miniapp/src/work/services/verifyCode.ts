import type { Booking } from '@contract/booking';
import { getWithLogin } from '@/platform/send';

/** GET /api/bookings/verify — who and what a typed code or scanned QR is. */
export function verifyCode(code: string): Promise<Booking> {
  return getWithLogin<Booking>('/api/bookings/verify', { code });
}
