import { getDayDetail } from 'chinese-days';
import { datesBetween } from './shanghai-time';
import { chineseHolidayName, dayStatus, isScheduleKnown, statutoryHolidays } from './working-days';

// The 2026 facts below are those of the State Council notice as chinese-days 1.5.7 carries it
// (国办发明电, https://www.gov.cn/zhengce/zhengceku/202511/content_7047091.htm):
// 元旦 1/1–1/3, 1/4 (Sun) 上班; 春节 2/15–2/23, 2/14 (Sat) and 2/28 (Sat) 上班; 清明 4/4–4/6;
// 劳动节 5/1–5/5, 5/9 (Sat) 上班; 端午 6/19–6/21; 中秋 9/25–9/27;
// 国庆 10/1–10/7, 9/20 (Sun) and 10/10 (Sat) 上班.

describe('dayStatus in a year with a published schedule (2026)', () => {
  it('春节: 2026-02-17 (初一) is a holiday, and so is the Sunday 2026-02-15 inside the break', () => {
    expect(dayStatus('2026-02-17')).toEqual({
      date: '2026-02-17',
      weekday: 2,
      kind: 'holiday',
      holidayName: '春节',
      scheduleKnown: true,
    });
    expect(dayStatus('2026-02-15')).toMatchObject({ weekday: 7, kind: 'holiday', holidayName: '春节' });
    expect(dayStatus('2026-02-23')).toMatchObject({ kind: 'holiday', holidayName: '春节' });
    expect(dayStatus('2026-02-24')).toMatchObject({ kind: 'workday', holidayName: null });
  });

  it('2026-02-14 and 2026-02-28 (Saturdays) are adjusted working days for 春节', () => {
    expect(dayStatus('2026-02-14')).toEqual({
      date: '2026-02-14',
      weekday: 6,
      kind: 'adjusted_workday',
      holidayName: '春节',
      scheduleKnown: true,
    });
    expect(dayStatus('2026-02-28')).toMatchObject({ kind: 'adjusted_workday', holidayName: '春节' });
  });

  it('元旦: 1/1–1/3 off, Sunday 1/4 worked', () => {
    expect(dayStatus('2026-01-01')).toMatchObject({ kind: 'holiday', holidayName: '元旦' });
    expect(dayStatus('2026-01-03')).toMatchObject({ weekday: 6, kind: 'holiday', holidayName: '元旦' });
    expect(dayStatus('2026-01-04')).toMatchObject({ weekday: 7, kind: 'adjusted_workday', holidayName: '元旦' });
  });

  it('清明节 4/4–4/6 (named 清明节, not 清明), no adjusted day', () => {
    for (const d of ['2026-04-04', '2026-04-05', '2026-04-06']) {
      expect(dayStatus(d)).toMatchObject({ kind: 'holiday', holidayName: '清明节' });
    }
    expect(dayStatus('2026-04-07')).toMatchObject({ kind: 'workday' });
    expect(dayStatus('2026-04-11')).toMatchObject({ kind: 'weekend', holidayName: null });
  });

  it('劳动节 5/1–5/5, Saturday 5/9 worked', () => {
    expect(dayStatus('2026-05-01')).toMatchObject({ kind: 'holiday', holidayName: '劳动节' });
    expect(dayStatus('2026-05-05')).toMatchObject({ weekday: 2, kind: 'holiday', holidayName: '劳动节' });
    expect(dayStatus('2026-05-06')).toMatchObject({ kind: 'workday' });
    expect(dayStatus('2026-05-09')).toMatchObject({ weekday: 6, kind: 'adjusted_workday', holidayName: '劳动节' });
  });

  it('端午节 6/19–6/21', () => {
    expect(dayStatus('2026-06-19')).toMatchObject({ weekday: 5, kind: 'holiday', holidayName: '端午节' });
    expect(dayStatus('2026-06-21')).toMatchObject({ weekday: 7, kind: 'holiday', holidayName: '端午节' });
  });

  it('中秋节 9/25–9/27 (named 中秋节, not 中秋)', () => {
    expect(dayStatus('2026-09-25')).toMatchObject({ weekday: 5, kind: 'holiday', holidayName: '中秋节' });
    expect(dayStatus('2026-09-27')).toMatchObject({ weekday: 7, kind: 'holiday', holidayName: '中秋节' });
  });

  it('国庆节 10/1–10/7, Sunday 9/20 and Saturday 10/10 worked', () => {
    expect(dayStatus('2026-10-01')).toMatchObject({ weekday: 4, kind: 'holiday', holidayName: '国庆节' });
    expect(dayStatus('2026-10-07')).toMatchObject({ weekday: 3, kind: 'holiday', holidayName: '国庆节' });
    expect(dayStatus('2026-10-08')).toMatchObject({ weekday: 4, kind: 'workday', holidayName: null });
    expect(dayStatus('2026-09-30')).toMatchObject({ weekday: 3, kind: 'workday', holidayName: null });
    expect(dayStatus('2026-09-20')).toMatchObject({ weekday: 7, kind: 'adjusted_workday', holidayName: '国庆节' });
    expect(dayStatus('2026-10-10')).toMatchObject({ weekday: 6, kind: 'adjusted_workday', holidayName: '国庆节' });
  });

  it('ordinary days', () => {
    expect(dayStatus('2026-11-30')).toEqual({
      date: '2026-11-30',
      weekday: 1,
      kind: 'workday',
      holidayName: null,
      scheduleKnown: true,
    });
    expect(dayStatus('2026-10-17')).toMatchObject({ weekday: 6, kind: 'weekend', holidayName: null });
    expect(dayStatus('2026-10-18')).toMatchObject({ weekday: 7, kind: 'weekend', holidayName: null });
  });

  it('counts the 2026 calendar: 33 days off for holidays, 6 adjusted working weekends', () => {
    const year = datesBetween('2026-01-01', '2026-12-31').map(dayStatus);
    expect(year.filter((d) => d.kind === 'holiday')).toHaveLength(33);
    expect(year.filter((d) => d.kind === 'adjusted_workday').map((d) => d.date)).toEqual([
      '2026-01-04',
      '2026-02-14',
      '2026-02-28',
      '2026-05-09',
      '2026-09-20',
      '2026-10-10',
    ]);
  });

  it('refuses what is not a date', () => {
    expect(() => dayStatus('2026-02-30')).toThrow(RangeError);
    expect(() => dayStatus('2026/10/01')).toThrow(RangeError);
  });
});

describe('dayStatus in a year without a published schedule (fallback)', () => {
  it('knows which years are published', () => {
    expect(isScheduleKnown(2026)).toBe(true);
    expect(isScheduleKnown(2027)).toBe(false);
  });

  it('2027-01-01 is 元旦, the weekend after is a plain weekend', () => {
    expect(dayStatus('2027-01-01')).toEqual({
      date: '2027-01-01',
      weekday: 5,
      kind: 'holiday',
      holidayName: '元旦',
      scheduleKnown: false,
    });
    expect(dayStatus('2027-01-02')).toMatchObject({ kind: 'weekend', scheduleKnown: false });
    expect(dayStatus('2027-01-04')).toMatchObject({ kind: 'workday', scheduleKnown: false });
  });

  it('春节 2027: 除夕 2027-02-05 and 初一–初三 (02-06 … 02-08) are holidays', () => {
    expect(dayStatus('2027-02-04')).toMatchObject({ kind: 'workday' });
    for (const d of ['2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08']) {
      expect(dayStatus(d)).toMatchObject({ kind: 'holiday', holidayName: '春节', scheduleKnown: false });
    }
    expect(dayStatus('2027-02-09')).toMatchObject({ kind: 'workday' });
  });

  it('the other statutory days of 2027, and no adjusted working weekends', () => {
    expect(statutoryHolidays(2027)).toEqual(
      new Map([
        ['2027-01-01', '元旦'],
        ['2027-02-05', '春节'],
        ['2027-02-06', '春节'],
        ['2027-02-07', '春节'],
        ['2027-02-08', '春节'],
        ['2027-04-05', '清明节'],
        ['2027-05-01', '劳动节'],
        ['2027-05-02', '劳动节'],
        ['2027-06-09', '端午节'],
        ['2027-09-15', '中秋节'],
        ['2027-10-01', '国庆节'],
        ['2027-10-02', '国庆节'],
        ['2027-10-03', '国庆节'],
      ]),
    );
    const year = datesBetween('2027-01-01', '2027-12-31').map(dayStatus);
    expect(year.filter((d) => d.kind === 'adjusted_workday')).toEqual([]);
    expect(year.filter((d) => d.kind === 'holiday')).toHaveLength(13);
    expect(dayStatus('2027-10-04')).toMatchObject({ kind: 'workday' });
  });

  it('joins the names when two statutory days meet (中秋 on 3 October 2028)', () => {
    expect(dayStatus('2028-10-03')).toMatchObject({ kind: 'holiday', holidayName: '国庆节、中秋节' });
    expect(statutoryHolidays(2028).get('2028-01-25')).toBe('春节'); // 除夕 2028
    expect(statutoryHolidays(2028).get('2028-04-04')).toBe('清明节');
  });

  it('computes what the State Council published, for the years already under the 2025 rules', () => {
    // Every statutory day the fallback computes for 2025 and 2026 is a published day off with
    // the same name: the lunar and solar-term arithmetic is right.
    for (const year of [2025, 2026]) {
      for (const [date, name] of statutoryHolidays(year)) {
        expect(dayStatus(date)).toMatchObject({ date, kind: 'holiday', holidayName: name, scheduleKnown: true });
      }
    }
  });

  it('finds 清明 on the right day across years (4 or 5 April)', () => {
    const qingming = (year: number) =>
      [...statutoryHolidays(year)].filter(([, n]) => n === '清明节').map(([d]) => d);
    expect(qingming(2027)).toEqual(['2027-04-05']);
    expect(qingming(2028)).toEqual(['2028-04-04']);
    expect(qingming(2029)).toEqual(['2029-04-04']);
    expect(qingming(2030)).toEqual(['2030-04-05']);
  });

  it('refuses years outside what the lunar tables cover', () => {
    expect(() => dayStatus('2100-01-01')).toThrow(RangeError);
    expect(() => statutoryHolidays(1900)).toThrow(RangeError);
  });
});

describe('chineseHolidayName', () => {
  it('cleans chinese-days labels', () => {
    expect(chineseHolidayName('National Day,国庆节,3')).toBe('国庆节');
    expect(chineseHolidayName('Mid-autumn Festival,中秋,1')).toBe('中秋节');
    expect(chineseHolidayName('Tomb-sweeping Day,清明,1')).toBe('清明节');
    expect(chineseHolidayName('Dragon Boat Festival,端午,1')).toBe('端午节');
    expect(chineseHolidayName("New Year's Day,元旦,1")).toBe('元旦');
    expect(chineseHolidayName('Something New,新节日,1')).toBe('新节日');
  });
});

// chinese-days' own functions shift the schedule a day early on machines west of Greenwich
// (see working-days.ts), which is why we read its JSON. Where they are right (UTC and east),
// both must agree on every day of the published years we rely on.
const libraryFunctionsReliableHere = new Date(Date.UTC(2026, 0, 1)).getTimezoneOffset() <= 0;
(libraryFunctionsReliableHere ? it : it.skip)('agrees with chinese-days getDayDetail for 2024–2026', () => {
  for (const [from, to] of [
    ['2024-01-01', '2024-12-31'],
    ['2025-01-01', '2025-12-31'],
    ['2026-01-01', '2026-12-31'],
  ] as const) {
    for (const date of datesBetween(from, to)) {
      const lib = getDayDetail(date);
      const ours = dayStatus(date);
      expect({ date, work: ours.kind === 'workday' || ours.kind === 'adjusted_workday' }).toEqual({ date, work: lib.work });
      if (lib.name.includes(',')) expect(ours.holidayName).toBe(chineseHolidayName(lib.name));
    }
  }
});
