import {
  addDays,
  dateParts,
  datesBetween,
  daysBetween,
  formatMonthDay,
  isDateString,
  isoWeekday,
  MAX_RANGE_DAYS,
  minutesToTime,
  parseInstant,
  shanghaiClock,
  shanghaiDate,
  shanghaiInstant,
  shanghaiInstantAtMinute,
  timeToMinutes,
  toShanghaiIso,
} from './shanghai-time';

// These tests run under any machine time zone (CI runs them with TZ=UTC and
// TZ=America/New_York); the instants are chosen around Shanghai midnight, where a
// machine-zone bug would show.

describe('dates', () => {
  it('accepts real dates only', () => {
    expect(isDateString('2026-10-01')).toBe(true);
    expect(isDateString('2028-02-29')).toBe(true);
    expect(isDateString('2026-02-29')).toBe(false);
    expect(isDateString('2026-13-01')).toBe(false);
    expect(isDateString('2026-1-1')).toBe(false);
    expect(isDateString('2026-10-01T00:00')).toBe(false);
    expect(() => dateParts('2026-02-30')).toThrow(RangeError);
    expect(dateParts('2026-10-01')).toEqual({ year: 2026, month: 10, day: 1 });
  });

  it('adds days across months, years and leap days', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-10-01', 0)).toBe('2026-10-01');
    expect(addDays('2026-11-30', 15)).toBe('2026-12-15');
    expect(() => addDays('2026-10-01', 0.5)).toThrow(RangeError);
  });

  it('counts days between dates', () => {
    expect(daysBetween('2026-11-30', '2026-12-15')).toBe(15);
    expect(daysBetween('2026-12-15', '2026-11-30')).toBe(-15);
    expect(daysBetween('2026-01-01', '2027-01-01')).toBe(365);
  });

  it('lists dates between two dates, both included, up to MAX_RANGE_DAYS', () => {
    expect(datesBetween('2026-12-30', '2027-01-02')).toEqual(['2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02']);
    expect(datesBetween('2026-10-01', '2026-10-01')).toEqual(['2026-10-01']);
    expect(datesBetween('2026-01-01', addDays('2026-01-01', MAX_RANGE_DAYS - 1))).toHaveLength(MAX_RANGE_DAYS);
    expect(() => datesBetween('2026-01-01', addDays('2026-01-01', MAX_RANGE_DAYS))).toThrow(RangeError);
    expect(() => datesBetween('2026-10-02', '2026-10-01')).toThrow(RangeError);
  });

  it('gives ISO weekdays (1 = Monday … 7 = Sunday)', () => {
    expect(isoWeekday('2026-11-30')).toBe(1);
    expect(isoWeekday('2026-10-10')).toBe(6);
    expect(isoWeekday('2026-10-11')).toBe(7);
    expect(isoWeekday('2027-01-01')).toBe(5);
  });

  it('says a date as residents do', () => {
    expect(formatMonthDay('2026-12-01')).toBe('12月1日');
    expect(formatMonthDay('2027-01-15')).toBe('1月15日');
  });
});

describe('instants in Shanghai', () => {
  it('finds the Shanghai date of an instant around Shanghai midnight', () => {
    expect(shanghaiDate(new Date('2026-11-30T15:30:00Z'))).toBe('2026-11-30'); // 23:30 in Shanghai
    expect(shanghaiDate(new Date('2026-11-30T15:59:59.999Z'))).toBe('2026-11-30');
    expect(shanghaiDate(new Date('2026-11-30T16:00:00Z'))).toBe('2026-12-01'); // 00:00
    expect(shanghaiDate(new Date('2026-12-31T16:30:00Z'))).toBe('2027-01-01');
    expect(shanghaiClock(new Date('2026-11-30T15:30:00Z'))).toBe('23:30');
    expect(shanghaiClock(new Date('2026-11-30T16:05:00Z'))).toBe('00:05');
  });

  it('builds the instant of a Shanghai wall-clock time', () => {
    expect(shanghaiInstant('2026-12-01', '09:00').toISOString()).toBe('2026-12-01T01:00:00.000Z');
    expect(shanghaiInstant('2026-12-01', '00:00').toISOString()).toBe('2026-11-30T16:00:00.000Z');
    expect(shanghaiInstant('2027-01-01', '07:30').toISOString()).toBe('2026-12-31T23:30:00.000Z');
    expect(shanghaiInstantAtMinute('2026-12-01', 24 * 60).toISOString()).toBe('2026-12-01T16:00:00.000Z');
    expect(() => shanghaiInstant('2026-12-01', '9:00')).toThrow(RangeError);
  });

  it('writes an instant in Shanghai time with its offset', () => {
    expect(toShanghaiIso(new Date('2026-10-10T01:00:00Z'))).toBe('2026-10-10T09:00:00+08:00');
    expect(toShanghaiIso(new Date('2026-11-30T16:00:00Z'))).toBe('2026-12-01T00:00:00+08:00');
    expect(toShanghaiIso(shanghaiInstant('2026-12-01', '14:30'))).toBe('2026-12-01T14:30:00+08:00');
  });

  it('parses instants only with an explicit offset', () => {
    expect(parseInstant('2026-12-01T09:00:00+08:00').toISOString()).toBe('2026-12-01T01:00:00.000Z');
    expect(parseInstant('2026-12-01T01:00:00Z').toISOString()).toBe('2026-12-01T01:00:00.000Z');
    expect(parseInstant('2026-12-01T09:00+08:00').toISOString()).toBe('2026-12-01T01:00:00.000Z');
    const d = new Date('2026-12-01T01:00:00Z');
    expect(parseInstant(d)).toBe(d);
    expect(() => parseInstant('2026-12-01T09:00:00')).toThrow(RangeError); // would be machine-local
    expect(() => parseInstant('2026-12-01')).toThrow(RangeError);
    expect(() => parseInstant(new Date('nonsense'))).toThrow(RangeError);
  });

  it('converts wall-clock times and minutes', () => {
    expect(timeToMinutes('08:30')).toBe(510);
    expect(timeToMinutes('00:00')).toBe(0);
    expect(timeToMinutes('23:59')).toBe(1439);
    expect(() => timeToMinutes('24:00')).toThrow(RangeError);
    expect(() => timeToMinutes('8:30')).toThrow(RangeError);
    expect(minutesToTime(510)).toBe('08:30');
    expect(() => minutesToTime(1440)).toThrow(RangeError);
  });
});
