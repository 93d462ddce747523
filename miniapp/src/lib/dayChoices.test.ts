import type { Availability, AvailabilityDay } from '@contract/booking';
import { bookingRange, dayChoices, findSlot, preselectedDay, seatsText, slotGroups } from './dayChoices';

const slot = (start: string, remaining: number, capacity = 4) => ({
  start: `2026-12-02T${start}:00+08:00`,
  end: `2026-12-02T${start}:00+08:00`,
  remaining,
  capacity,
});

function day(date: string, overrides: Partial<AvailabilityDay> = {}): AvailabilityDay {
  return { date, weekday: 1, open: true, reason: null, slots: [], ...overrides };
}

describe('bookingRange', () => {
  it('covers today and the next 13 days', () => {
    expect(bookingRange('2026-12-25')).toEqual({ from: '2026-12-25', to: '2027-01-07' });
  });
});

describe('dayChoices', () => {
  const availability: Pick<Availability, 'days'> = {
    days: [
      day('2026-12-03', { open: false, reason: { code: 'FULL', text: '已约满' }, slots: [slot('09:00', 0)] }),
      day('2026-12-01', { open: false, reason: { code: 'PAST', text: '已过预约时间' } }),
      day('2026-12-02', { slots: [slot('09:00', 3), slot('14:00', 4)] }),
      day('2026-12-06', { open: false, reason: { code: 'WEEKEND', text: '周末休息' } }),
      day('2026-10-01', { open: false, reason: { code: 'HOLIDAY', text: '国庆节放假' } }),
      day('2026-12-07', { open: false, reason: null }),
    ],
  };
  const choices = dayChoices(availability, '2026-12-01');
  const byDate = (d: string) => choices.find((c) => c.date === d);

  it('keeps every day in date order', () => {
    expect(choices.map((c) => c.date)).toEqual(['2026-10-01', '2026-12-01', '2026-12-02', '2026-12-03', '2026-12-06', '2026-12-07']);
  });

  it('counts the seats left on open days', () => {
    expect(byDate('2026-12-02')).toEqual({
      date: '2026-12-02',
      dateText: '12月2日',
      dayText: '明天',
      open: true,
      note: '还有7个号',
      seatsLeft: 7,
    });
  });

  it("greys closed days with the server's reason", () => {
    expect(byDate('2026-10-01')).toMatchObject({ open: false, note: '国庆节放假' });
    expect(byDate('2026-12-06')).toMatchObject({ open: false, note: '周末休息', dayText: '周日' });
    expect(byDate('2026-12-03')).toMatchObject({ open: false, note: '已约满', seatsLeft: 0 });
    expect(byDate('2026-12-01')).toMatchObject({ open: false, note: '已过预约时间', dayText: '今天' });
    expect(byDate('2026-12-07')).toMatchObject({ open: false, note: '不能预约' });
  });

  it('reads an open day with no seat left as full', () => {
    const [only] = dayChoices({ days: [day('2026-12-02', { slots: [slot('09:00', 0)] })] }, '2026-12-01');
    expect(only).toMatchObject({ open: false, note: '已约满' });
  });

  it('preselects a wanted day only while it can be booked', () => {
    expect(preselectedDay(choices, '2026-12-02')).toBe('2026-12-02');
    expect(preselectedDay(choices, '2026-12-06')).toBe('');
  });
});

describe('slots', () => {
  it('says how many seats are left', () => {
    expect(seatsText(3)).toBe('还剩3个号');
    expect(seatsText(0)).toBe('已约满');
  });

  it('groups the slots of a day by part of the day, full ones kept', () => {
    const groups = slotGroups({ slots: [slot('14:00', 4), slot('09:30', 0), slot('09:00', 3)] });
    expect(groups.map((g) => g.title)).toEqual(['上午', '下午']);
    expect(groups[0]?.slots.map((s) => [s.label, s.seatsText, s.full])).toEqual([
      ['上午 9:00', '还剩3个号', false],
      ['上午 9:30', '已约满', true],
    ]);
    expect(groups[1]?.slots[0]?.label).toBe('下午 2:00');
    expect(slotGroups(undefined)).toEqual([]);
  });

  it('finds a slot by its instant whatever the spelling', () => {
    const d = { slots: [slot('09:00', 3)] };
    expect(findSlot(d, '2026-12-02T01:00:00Z')?.remaining).toBe(3);
    expect(findSlot(d, '2026-12-02T02:00:00Z')).toBeUndefined();
    expect(findSlot(d, '')).toBeUndefined();
  });
});
