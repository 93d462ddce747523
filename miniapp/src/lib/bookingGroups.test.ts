import type { Booking } from '@contract/booking';
import { groupBookings } from './bookingGroups';

type Row = Pick<Booking, 'status' | 'slotStart' | 'slotEnd'> & { id: string };
const row = (id: string, status: Booking['status'], day: string): Row => ({
  id,
  status,
  slotStart: `2026-12-${day}T09:00:00+08:00`,
  slotEnd: `2026-12-${day}T09:30:00+08:00`,
});

describe('groupBookings', () => {
  const now = new Date('2026-12-02T10:00:00+08:00');

  it('puts bookings still ahead first, soonest first, and the rest latest first', () => {
    const { upcoming, past } = groupBookings(
      [row('later', 'booked', '09'), row('soon', 'confirmed', '03'), row('cancelled', 'cancelled', '05'), row('done', 'checked_in', '01')],
      now,
    );
    expect(upcoming.map((b) => b.id)).toEqual(['soon', 'later']);
    expect(past.map((b) => b.id)).toEqual(['cancelled', 'done']);
  });

  it('counts a booked slot that is over as past', () => {
    const { upcoming, past } = groupBookings([row('missed', 'booked', '02')], now);
    expect(upcoming).toEqual([]);
    expect(past.map((b) => b.id)).toEqual(['missed']);
  });
});
