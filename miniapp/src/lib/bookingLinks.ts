// Page URLs of the booking journey with more than an id: the routes table's book and booking pages.
import { urlOf } from './routes';

/** The booking page, in "change the time" mode for an existing booking (same centre and item). */
export function rescheduleUrl(booking: { id: string; itemId: string; centerId: string }): string {
  return urlOf('book', { item: booking.itemId, center: booking.centerId, reschedule: booking.id });
}

/** What the booking page says on top right after it was made or moved. */
export type JustDone = 'booked' | 'moved';

/** The booking, opened right after booking or rescheduling (with a "预约成功" / "已改好" banner). */
export function bookingDoneUrl(id: string, done: JustDone): string {
  return urlOf('booking', { id, done });
}

/** The booking page's own URL, to come back to after a login. */
export function bookUrl(itemId: string, centerId: string, rescheduleId: string): string {
  return urlOf('book', { item: itemId, center: centerId, reschedule: rescheduleId });
}
