import type { OpeningSession } from '@contract/catalogue';
import { describeWeekdays, formatClock, groupOpeningHours } from './openingHours';

function weekdays(days: number[], opens: string, closes: string): OpeningSession[] {
  return days.map((weekday) => ({ weekday, opens, closes }));
}

describe('formatClock', () => {
  it('drops the leading zero of the hour', () => {
    expect(formatClock('08:30')).toBe('8:30');
    expect(formatClock('14:00')).toBe('14:00');
    expect(formatClock('08:30:00')).toBe('8:30');
  });
});

describe('describeWeekdays', () => {
  it('names runs of three or more as a range', () => {
    expect(describeWeekdays([1, 2, 3, 4, 5])).toBe('周一至周五');
  });

  it('lists short runs and separate days', () => {
    expect(describeWeekdays([6, 7])).toBe('周六、周日');
    expect(describeWeekdays([1, 3, 5])).toBe('周一、周三、周五');
    expect(describeWeekdays([5, 1, 2, 3, 7])).toBe('周一至周三、周五、周日');
  });
});

describe('groupOpeningHours', () => {
  it('groups a usual working week into one line plus the closed weekend', () => {
    const sessions = [
      ...weekdays([1, 2, 3, 4, 5], '08:30', '12:00'),
      ...weekdays([1, 2, 3, 4, 5], '14:00', '17:30'),
    ];
    expect(groupOpeningHours(sessions)).toEqual([
      {
        days: '周一至周五',
        sessions: ['上午 8:30–12:00', '下午 14:00–17:30'],
        hours: '上午 8:30–12:00　下午 14:00–17:30',
        closed: false,
      },
      { days: '周六、周日', sessions: ['休息'], hours: '休息', closed: true },
    ]);
  });

  it('orders sessions within a day whatever the input order', () => {
    const sessions = [
      { weekday: 1, opens: '14:00', closes: '17:30' },
      { weekday: 1, opens: '08:30', closes: '12:00' },
    ];
    expect(groupOpeningHours(sessions)[0]?.hours).toBe('上午 8:30–12:00　下午 14:00–17:30');
  });

  it('keeps a different Saturday on its own line', () => {
    const sessions = [
      ...weekdays([1, 2, 3, 4, 5], '09:00', '17:00'),
      { weekday: 6, opens: '09:00', closes: '12:00' },
    ];
    expect(groupOpeningHours(sessions)).toEqual([
      { days: '周一至周五', sessions: ['9:00–17:00'], hours: '9:00–17:00', closed: false },
      { days: '周六', sessions: ['9:00–12:00'], hours: '9:00–12:00', closed: false },
      { days: '周日', sessions: ['休息'], hours: '休息', closed: true },
    ]);
  });

  it('groups non-adjacent days with the same hours (a station open on market days)', () => {
    const sessions = weekdays([1, 4], '09:00', '12:00');
    expect(groupOpeningHours(sessions)).toEqual([
      { days: '周一、周四', sessions: ['9:00–12:00'], hours: '9:00–12:00', closed: false },
      {
        days: '周二、周三、周五至周日',
        sessions: ['休息'],
        hours: '休息',
        closed: true,
      },
    ]);
  });

  it('returns nothing when no hours are known', () => {
    expect(groupOpeningHours([])).toEqual([]);
  });

  it('ignores sessions with an invalid weekday', () => {
    expect(groupOpeningHours([{ weekday: 9, opens: '09:00', closes: '10:00' }])).toEqual([]);
  });

  it('names an evening session 晚上', () => {
    const sessions = [
      { weekday: 7, opens: '09:00', closes: '12:00' },
      { weekday: 7, opens: '19:00', closes: '21:00' },
    ];
    expect(groupOpeningHours(sessions)[0]).toEqual({
      days: '周日',
      sessions: ['上午 9:00–12:00', '晚上 19:00–21:00'],
      hours: '上午 9:00–12:00　晚上 19:00–21:00',
      closed: false,
    });
  });
});
