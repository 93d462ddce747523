import type { AvailabilityDay, AvailabilitySlot } from '@contract/booking';
import { busynessToday } from './busyness';

const today = '2026-12-01';

function slot(remaining: number, capacity = 4): AvailabilitySlot {
  return { start: `${today}T09:00:00+08:00`, end: `${today}T09:30:00+08:00`, remaining, capacity };
}

function day(slots: AvailabilitySlot[], overrides: Partial<AvailabilityDay> = {}): AvailabilityDay {
  return { date: today, weekday: 2, open: true, reason: null, slots, ...overrides };
}

describe('busynessToday', () => {
  it('is quiet when under half of the seats are taken', () => {
    expect(busynessToday(day([slot(4), slot(3)]), today)).toEqual({ level: 'quiet', text: '今天不忙' });
  });

  it('is busy from half of the seats taken', () => {
    expect(busynessToday(day([slot(2), slot(2)]), today).level).toBe('busy');
    expect(busynessToday(day([slot(0), slot(1)]), today)).toEqual({
      level: 'busy',
      text: '今天人较多，建议先预约',
    });
  });

  it('is full when the server says so or no seat is left', () => {
    const full = day([slot(0), slot(0)], { open: false, reason: { code: 'FULL', text: '已约满' } });
    expect(busynessToday(full, today).level).toBe('full');
    expect(busynessToday(day([slot(0)]), today).level).toBe('full');
  });

  it('says why a closed day cannot be booked', () => {
    const holiday = day([], { open: false, reason: { code: 'HOLIDAY', text: '元旦放假' } });
    expect(busynessToday(holiday, today)).toEqual({ level: 'closed', text: '今天不能预约：元旦放假' });
    const past = day([], { open: false, reason: { code: 'PAST', text: '已过预约时间' } });
    expect(busynessToday(past, today)).toEqual({ level: 'closed', text: '今天的预约时间已过' });
  });

  it('says nothing without data, for another day (an old saved copy) or without seats', () => {
    expect(busynessToday(undefined, today).level).toBe('unknown');
    expect(busynessToday(day([slot(4)], { date: '2026-11-30' }), today).level).toBe('unknown');
    expect(busynessToday(day([]), today).level).toBe('unknown');
    const noCapacity = day([], { open: false, reason: { code: 'NO_CAPACITY', text: '当天没有可预约的时段' } });
    expect(busynessToday(noCapacity, today)).toEqual({ level: 'unknown', text: '' });
  });

  it('ignores nonsense counts', () => {
    expect(busynessToday(day([slot(9, 4)]), today).level).toBe('quiet');
    expect(busynessToday(day([slot(-1, 4), slot(4, 4)]), today).level).toBe('busy');
  });
});
