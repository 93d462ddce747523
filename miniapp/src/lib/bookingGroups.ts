// 我的预约: bookings still ahead first (soonest first), then everything else (latest first).
import type { Booking } from '@contract/booking';
import { isActive } from './nextStep';

export interface BookingGroups<T> {
  upcoming: T[];
  past: T[];
}

/**
 * Upcoming: booked or confirmed and not yet over. Past: the rest (checked in, finished,
 * cancelled, missed), including a booked slot whose time has gone by.
 */
export function groupBookings<T extends Pick<Booking, 'status' | 'slotStart' | 'slotEnd'>>(
  bookings: readonly T[],
  now: Date,
): BookingGroups<T> {
  const at = (iso: string): number => Date.parse(iso);
  const upcoming = bookings
    .filter((b) => isActive(b) && at(b.slotEnd) >= now.getTime())
    .sort((a, b) => at(a.slotStart) - at(b.slotStart));
  const past = bookings
    .filter((b) => !upcoming.includes(b))
    .sort((a, b) => at(b.slotStart) - at(a.slotStart));
  return { upcoming, past };
}
