import type { AvailabilityDay } from '@contract/booking';

export type BusyLevel = 'quiet' | 'busy' | 'full' | 'closed' | 'unknown';

export interface Busyness {
  level: BusyLevel;
  /** plain words for the home screen; '' when nothing useful can be said */
  text: string;
}

/** At or above this share of booked seats a day counts as 人较多. */
export const BUSY_SHARE = 0.5;

const UNKNOWN: Busyness = { level: 'unknown', text: '' };

/**
 * How busy a centre is today, from today's availability (the seats still bookable online from
 * now on): under half taken → 今天不忙, more → 人较多, none left → 已约满. `today` is the Shanghai
 * date: a saved copy from another day says nothing about today.
 */
export function busynessToday(day: AvailabilityDay | undefined | null, today: string): Busyness {
  if (!day || day.date !== today) return UNKNOWN;
  if (day.reason?.code === 'FULL') return { level: 'full', text: '今天已约满，可以现场取号或改天再约' };
  if (!day.open) {
    if (day.reason?.code === 'PAST') return { level: 'closed', text: '今天的预约时间已过' };
    if (day.reason?.code === 'NO_CAPACITY') return UNKNOWN;
    return { level: 'closed', text: day.reason ? `今天不能预约：${day.reason.text}` : '今天不能预约' };
  }
  let capacity = 0;
  let remaining = 0;
  for (const slot of day.slots) {
    capacity += Math.max(0, slot.capacity);
    remaining += Math.min(Math.max(0, slot.remaining), Math.max(0, slot.capacity));
  }
  if (capacity === 0) return UNKNOWN;
  if (remaining === 0) return { level: 'full', text: '今天已约满，可以现场取号或改天再约' };
  const taken = (capacity - remaining) / capacity;
  if (taken < BUSY_SHARE) return { level: 'quiet', text: '今天不忙' };
  return { level: 'busy', text: '今天人较多，建议先预约' };
}
