import {
  addDays,
  clockText,
  dateText,
  dateWithWeekday,
  dayName,
  daysBetween,
  dueText,
  momentText,
  partOfDay,
  shanghaiTime,
  shanghaiToday,
  slotLabel,
  slotRangeText,
  whenText,
} from './bookingTime';

describe('Shanghai time', () => {
  it('reads instants on the Shanghai clock whatever offset they carry', () => {
    expect(shanghaiTime('2026-12-02T09:30:00+08:00')).toMatchObject({ date: '2026-12-02', hour: 9, minute: 30, weekday: 3 });
    expect(shanghaiTime('2026-12-01T16:30:00Z')).toMatchObject({ date: '2026-12-02', hour: 0, minute: 30 });
  });

  it("gives today's Shanghai date (already tomorrow in Shanghai at 17:00 UTC)", () => {
    expect(shanghaiToday(new Date('2026-12-01T01:00:00Z'))).toBe('2026-12-01');
    expect(shanghaiToday(new Date('2026-12-01T17:00:00Z'))).toBe('2026-12-02');
  });

  it('adds days across month and year ends, and counts days between dates', () => {
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(daysBetween('2026-12-30', '2027-01-02')).toBe(3);
    expect(daysBetween('2026-12-02', '2026-12-01')).toBe(-1);
  });
});

describe('dates in words', () => {
  it('names dates and weekdays', () => {
    expect(dateText('2026-12-02')).toBe('12月2日');
    expect(dateWithWeekday('2026-12-02')).toBe('12月2日（周三）');
    expect(dateWithWeekday('2026-12-06')).toBe('12月6日（周日）');
  });

  it('says 今天 / 明天 / 后天 near today', () => {
    expect(dayName('2026-12-01', '2026-12-01')).toBe('今天');
    expect(dayName('2026-12-02', '2026-12-01')).toBe('明天');
    expect(dayName('2026-12-03', '2026-12-01')).toBe('后天');
    expect(dayName('2026-12-04', '2026-12-01')).toBe('周五');
    expect(dateWithWeekday('2026-12-02', '2026-12-01')).toBe('12月2日（明天）');
  });
});

describe('dueText', () => {
  it('says 当天 for a promise due the day it was made, else the date', () => {
    expect(dueText('2026-12-01', '2026-12-01T09:40:00+08:00')).toBe('当天');
    expect(dueText('2026-12-15', '2026-12-01T09:40:00+08:00')).toBe('12月15日前');
  });
});

describe('slot labels', () => {
  it('says the time as people do: 上午 9:30, 中午 12:00, 下午 2:30', () => {
    expect(slotLabel('2026-12-02T09:30:00+08:00')).toBe('上午 9:30');
    expect(slotLabel('2026-12-02T08:05:00+08:00')).toBe('上午 8:05');
    expect(slotLabel('2026-12-02T12:00:00+08:00')).toBe('中午 12:00');
    expect(slotLabel('2026-12-02T14:30:00+08:00')).toBe('下午 2:30');
    expect(slotLabel('2026-12-02T06:30:00Z')).toBe('下午 2:30');
  });

  it('names the part of the day', () => {
    expect([8, 11, 12, 13, 17, 18].map(partOfDay)).toEqual(['上午', '上午', '中午', '下午', '下午', '晚上']);
    expect(clockText({ hour: 15, minute: 0 })).toBe('3:00');
  });

  it('writes whole appointments and timeline moments', () => {
    expect(slotRangeText('2026-12-02T09:30:00+08:00', '2026-12-02T10:00:00+08:00')).toBe('上午9:30–10:00');
    expect(whenText('2026-12-02T14:00:00+08:00', '2026-12-02T14:30:00+08:00')).toBe('12月2日（周三）下午2:00–2:30');
    expect(momentText('2026-12-01T01:05:00Z')).toBe('12月1日 上午9:05');
  });
});
