// The official calendar: which Shanghai dates are working days, weekends, statutory holidays,
// or adjusted working days (调休), following the State Council schedule.
//
// Source: chinese-days. Its published schedule is read from the package's static JSON
// (`dist/chinese-days.json`), not through its functions: in chinese-days 1.5.7 those parse
// 'YYYY-MM-DD' as UTC midnight but print and compare in the machine's local zone, so on a
// machine west of Greenwich the whole schedule moves one day earlier (in America/New_York
// getDayDetail says 2026-09-30 is 国庆节 and 2026-10-08 a working day). The JSON was built
// once by the package and does not depend on where we run.
//
// Years the schedule does not cover yet (2027+ as installed): the statutory days by the rules
// in force since 2025 are still closed, computed from the lunar calendar and the solar terms;
// bridged days and adjusted working weekends are announced each November and cannot be
// predicted, so the fallback has none (scheduleKnown: false tells the caller).
import { getSolarDateFromLunar, getSolarTermDate } from 'chinese-days';
import schedule from 'chinese-days/dist/chinese-days.json';
import { addDays, dateParts, formatDate, isoWeekday } from './shanghai-time';

export type DayKind = 'workday' | 'adjusted_workday' | 'weekend' | 'holiday';

export interface DayStatus {
  date: string;
  /** ISO weekday: 1 = Monday … 7 = Sunday */
  weekday: number;
  kind: DayKind;
  /** Chinese, e.g. '国庆节', '春节', '中秋节': the holiday, or for an adjusted working day the holiday it makes up for */
  holidayName: string | null;
  /** false when the State Council schedule for this year is not in our data (fallback rules used) */
  scheduleKnown: boolean;
}

/** Years the fallback can compute (the lunar tables and solar-term formula cover 1901–2099). */
export const FIRST_SUPPORTED_YEAR = 1901;
export const LAST_SUPPORTED_YEAR = 2099;

interface PublishedSchedule {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}
const published: PublishedSchedule = schedule;

/** The official calendar status of a Shanghai date ('YYYY-MM-DD'). */
export function dayStatus(date: string): DayStatus {
  const { year } = dateParts(date);
  if (year < FIRST_SUPPORTED_YEAR || year > LAST_SUPPORTED_YEAR) {
    throw new RangeError(`dayStatus: year ${year} outside ${FIRST_SUPPORTED_YEAR}–${LAST_SUPPORTED_YEAR}`);
  }
  const weekday = isoWeekday(date);
  const isWeekend = weekday >= 6;

  if (isScheduleKnown(year)) {
    const holiday = published.holidays[date];
    if (holiday !== undefined) {
      return { date, weekday, kind: 'holiday', holidayName: chineseHolidayName(holiday), scheduleKnown: true };
    }
    const workday = published.workdays[date];
    if (workday !== undefined && isWeekend) {
      return { date, weekday, kind: 'adjusted_workday', holidayName: chineseHolidayName(workday), scheduleKnown: true };
    }
    return { date, weekday, kind: isWeekend ? 'weekend' : 'workday', holidayName: null, scheduleKnown: true };
  }

  const statutory = statutoryHolidays(year).get(date);
  if (statutory !== undefined) {
    return { date, weekday, kind: 'holiday', holidayName: statutory, scheduleKnown: false };
  }
  return { date, weekday, kind: isWeekend ? 'weekend' : 'workday', holidayName: null, scheduleKnown: false };
}

const knownYears = new Set(Object.keys(published.holidays).map((d) => Number(d.slice(0, 4))));

/** Is the State Council schedule of this year in our data? */
export function isScheduleKnown(year: number): boolean {
  return knownYears.has(year);
}

const NAME_BY_ENGLISH: Record<string, string> = {
  "New Year's Day": '元旦',
  'Spring Festival': '春节',
  'Tomb-sweeping Day': '清明节',
  'Labour Day': '劳动节',
  'Dragon Boat Festival': '端午节',
  'Mid-autumn Festival': '中秋节',
  'National Day': '国庆节',
};
const NAME_BY_CHINESE: Record<string, string> = { 清明: '清明节', 端午: '端午节', 中秋: '中秋节' };

/**
 * chinese-days labels a day 'National Day,国庆节,3' (English, Chinese, statutory days):
 * the clean Chinese name, e.g. '国庆节'; '中秋' → '中秋节'.
 */
export function chineseHolidayName(label: string): string {
  const [english = '', chinese = ''] = label.split(',').map((s) => s.trim());
  return NAME_BY_ENGLISH[english] ?? NAME_BY_CHINESE[chinese] ?? (chinese || english);
}

const statutoryCache = new Map<number, ReadonlyMap<string, string>>();

/**
 * The statutory holidays (法定节假日) of a year by the rules in force since 2025 — dates only,
 * without the bridged days and adjusted weekends of the yearly schedule:
 * 元旦 1 Jan; 春节 除夕 and 初一–初三 (4 days); 清明节 the Qingming solar-term day;
 * 劳动节 1–2 May; 端午节 lunar 5/5; 中秋节 lunar 8/15; 国庆节 1–3 Oct.
 * When two fall on the same date the names are joined ('国庆节、中秋节').
 */
export function statutoryHolidays(year: number): ReadonlyMap<string, string> {
  const cached = statutoryCache.get(year);
  if (cached) return cached;
  if (year < FIRST_SUPPORTED_YEAR || year > LAST_SUPPORTED_YEAR) {
    throw new RangeError(`statutoryHolidays: year ${year} outside ${FIRST_SUPPORTED_YEAR}–${LAST_SUPPORTED_YEAR}`);
  }
  const days = new Map<string, string>();
  const add = (date: string, name: string) => {
    const already = days.get(date);
    days.set(date, already === undefined ? name : `${already}、${name}`);
  };
  const on = (month: number, day: number) => formatDate({ year, month, day });

  add(on(1, 1), '元旦');
  const newYear = solarDateOfLunar(year, 1, 1);
  for (let i = -1; i <= 2; i++) add(addDays(newYear, i), '春节');
  add(qingming(year), '清明节');
  add(on(5, 1), '劳动节');
  add(on(5, 2), '劳动节');
  add(solarDateOfLunar(year, 5, 5), '端午节');
  add(on(10, 1), '国庆节');
  add(on(10, 2), '国庆节');
  add(on(10, 3), '国庆节');
  add(solarDateOfLunar(year, 8, 15), '中秋节');

  statutoryCache.set(year, days);
  return days;
}

/**
 * The Gregorian date of a day of the lunar calendar (the ordinary month, not a leap month).
 * chinese-days reads the lunar date from a Date's local fields and counts days in local time,
 * so we give it a local-noon Date carrying the wanted fields: the answer is then the same in
 * every time zone.
 */
function solarDateOfLunar(lunarYear: number, lunarMonth: number, lunarDay: number): string {
  const { date } = getSolarDateFromLunar(new Date(lunarYear, lunarMonth - 1, lunarDay, 12));
  dateParts(date); // throws if the library answered something that is not a date
  return date;
}

/**
 * The Qingming (清明, "pure brightness") solar-term day of a year, 4–6 April.
 * chinese-days computes the day of month correctly, then builds it as UTC midnight and prints
 * it in the machine's zone — one day early west of Greenwich. We find the day it meant: the one
 * that, printed the same way, gives what it answered.
 */
function qingming(year: number): string {
  const answered = getSolarTermDate(year, 4, 'pure_brightness');
  for (const candidate of [answered, addDays(answered, 1)]) {
    const { month, day } = dateParts(candidate);
    const printed = new Date(Date.UTC(year, month - 1, day));
    const asLibraryPrints = formatDate({ year: printed.getFullYear(), month: printed.getMonth() + 1, day: printed.getDate() });
    if (asLibraryPrints === answered) {
      if (month !== 4 || day < 4 || day > 6) break;
      return candidate;
    }
  }
  throw new Error(`清明 ${year}: unexpected answer from chinese-days: ${answered}`);
}
