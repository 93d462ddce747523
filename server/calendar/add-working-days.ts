// Working-day arithmetic on the official calendar (./working-days): "N working days after" a
// date, as the promised completion date of a case (承诺办结日期) and the deadline of a
// rectification (整改) are counted. Holidays are skipped and adjusted working weekends (调休)
// count as working days. Pure: the date comes in, nothing reads the clock.
import { addDays, dateParts } from './shanghai-time';
import { dayStatus } from './working-days';

/** The longest count asked for (a promised time limit is at most a year of working days). */
export const MAX_WORKING_DAYS = 365;

/** Is this Shanghai date a working day (an ordinary weekday or an adjusted working weekend)? */
export function isWorkingDay(date: string): boolean {
  const { kind } = dayStatus(date);
  return kind === 'workday' || kind === 'adjusted_workday';
}

/**
 * The date `n` working days after `date`: 0 is the same day (即办, whatever kind of day it is);
 * 1 is the next working day after it, and so on. Throws RangeError for a negative, fractional
 * or too large `n`, or a date that is not 'YYYY-MM-DD'.
 */
export function addWorkingDays(date: string, n: number): string {
  dateParts(date);
  if (!Number.isInteger(n) || n < 0 || n > MAX_WORKING_DAYS) {
    throw new RangeError(`addWorkingDays: n must be an integer 0–${MAX_WORKING_DAYS}, got ${n}`);
  }
  let day = date;
  for (let counted = 0; counted < n; ) {
    day = addDays(day, 1);
    if (isWorkingDay(day)) counted++;
  }
  return day;
}
