import { addWorkingDays, isWorkingDay } from './add-working-days';

// 2026 schedule (State Council, as chinese-days 1.5.7 carries it): 春节 2/15–2/23 with 2/14 and
// 2/28 (Saturdays) worked; 国庆 10/1–10/7 with 9/20 (Sunday) and 10/10 (Saturday) worked.

describe('isWorkingDay', () => {
  it.each([
    ['2026-12-01', true], // Tuesday
    ['2026-12-05', false], // Saturday
    ['2026-10-01', false], // 国庆节
    ['2026-10-10', true], // Saturday worked for 国庆
    ['2026-09-20', true], // Sunday worked for 国庆
    ['2026-02-17', false], // 春节
  ])('%s → %s', (date, expected) => {
    expect(isWorkingDay(date)).toBe(expected);
  });
});

describe('addWorkingDays', () => {
  it('0 is the same day, even on a weekend (即办)', () => {
    expect(addWorkingDays('2026-12-01', 0)).toBe('2026-12-01');
    expect(addWorkingDays('2026-12-05', 0)).toBe('2026-12-05');
  });

  it('skips the weekend', () => {
    expect(addWorkingDays('2026-12-01', 5)).toBe('2026-12-08');
    expect(addWorkingDays('2026-12-04', 1)).toBe('2026-12-07'); // Friday → Monday
    expect(addWorkingDays('2026-12-05', 1)).toBe('2026-12-07'); // from a Saturday
  });

  it('10 working days from Tuesday 1 December 2026 is Tuesday 15 December', () => {
    expect(addWorkingDays('2026-12-01', 10)).toBe('2026-12-15');
  });

  it('skips the National Day week and counts the adjusted Saturday', () => {
    expect(addWorkingDays('2026-09-30', 1)).toBe('2026-10-08');
    expect(addWorkingDays('2026-09-30', 3)).toBe('2026-10-10'); // 10/8, 10/9, Saturday 10/10
    expect(addWorkingDays('2026-09-30', 4)).toBe('2026-10-12');
  });

  it('counts an adjusted working Sunday (调休)', () => {
    expect(addWorkingDays('2026-09-19', 1)).toBe('2026-09-20');
  });

  it('skips the Spring Festival break', () => {
    expect(addWorkingDays('2026-02-13', 1)).toBe('2026-02-14'); // Saturday worked
    expect(addWorkingDays('2026-02-14', 1)).toBe('2026-02-24');
  });

  it('crosses into a year without a published schedule using the statutory holidays', () => {
    // 2027-01-01 元旦 is a Friday; the weekend follows
    expect(addWorkingDays('2026-12-31', 1)).toBe('2027-01-04');
  });

  it.each([-1, 1.5, 366, Number.NaN])('refuses n = %s', (n) => {
    expect(() => addWorkingDays('2026-12-01', n)).toThrow(RangeError);
  });

  it('refuses something that is not a date', () => {
    expect(() => addWorkingDays('2026-02-30', 1)).toThrow(RangeError);
  });
});
