// Dates and instants in Asia/Shanghai, the only time zone the product reasons in.
//
// A "date" is a calendar day in Shanghai written 'YYYY-MM-DD'; an "instant" is a JS Date (or
// an ISO 8601 string carrying its offset). China has kept UTC+8 all year since 1991 (no
// daylight saving), so the conversion is a fixed offset done with UTC arithmetic: nothing here
// reads the machine's time zone or the clock.

/** Minutes east of UTC in Asia/Shanghai (no daylight saving since 1991). */
export const SHANGHAI_OFFSET_MINUTES = 8 * 60;

const OFFSET_MS = SHANGHAI_OFFSET_MINUTES * 60_000;
const DAY_MS = 24 * 3600_000;

/** The longest range `datesBetween` will list (a calendar screen never needs more). */
export const MAX_RANGE_DAYS = 400;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_RE = /^([01]\d|2[0-3]):([0-5]\d)$/;
// An explicit offset is required: without one, `new Date()` would read the machine's zone.
const ISO_INSTANT_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

export interface DateParts {
  year: number;
  month: number; // 1..12
  day: number; // 1..31
}

/** Is this a real calendar date written 'YYYY-MM-DD'? ('2026-02-30' is not.) */
export function isDateString(value: string): boolean {
  const m = DATE_RE.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(year, month - 1, day));
  return t.getUTCFullYear() === year && t.getUTCMonth() === month - 1 && t.getUTCDate() === day;
}

/** '2026-10-01' → { year: 2026, month: 10, day: 1 }; throws RangeError on anything else. */
export function dateParts(date: string): DateParts {
  if (!isDateString(date)) throw new RangeError(`not a date (YYYY-MM-DD): ${JSON.stringify(date)}`);
  return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) };
}

/** { year, month, day } → 'YYYY-MM-DD' (normalises overflow, e.g. day 0 = last day of the previous month). */
export function formatDate(parts: DateParts): string {
  return utcMidnightToDate(Date.UTC(parts.year, parts.month - 1, parts.day));
}

function dateToUtcMidnight(date: string): number {
  const { year, month, day } = dateParts(date);
  return Date.UTC(year, month - 1, day);
}

function utcMidnightToDate(ms: number): string {
  const d = new Date(ms);
  const y = d.getUTCFullYear();
  if (y < 0 || y > 9999) throw new RangeError(`year out of range: ${y}`);
  return `${String(y).padStart(4, '0')}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/** The date n days after (n < 0: before) the given date. */
export function addDays(date: string, n: number): string {
  if (!Number.isInteger(n)) throw new RangeError(`addDays: n must be an integer, got ${n}`);
  return utcMidnightToDate(dateToUtcMidnight(date) + n * DAY_MS);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((dateToUtcMidnight(to) - dateToUtcMidnight(from)) / DAY_MS);
}

/**
 * Every date from `from` to `to`, both included. Throws RangeError when `to` is before `from`
 * (swapped arguments are a bug, not an empty range) or when the range is longer than
 * MAX_RANGE_DAYS dates.
 */
export function datesBetween(from: string, to: string): string[] {
  const span = daysBetween(from, to);
  if (span < 0) throw new RangeError(`datesBetween: ${to} is before ${from}`);
  if (span + 1 > MAX_RANGE_DAYS) {
    throw new RangeError(`datesBetween: ${span + 1} days from ${from} to ${to}, at most ${MAX_RANGE_DAYS}`);
  }
  const out: string[] = [];
  for (let i = 0; i <= span; i++) out.push(addDays(from, i));
  return out;
}

/** ISO weekday of a date: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  const d = new Date(dateToUtcMidnight(date)).getUTCDay(); // 0 = Sunday
  return d === 0 ? 7 : d;
}

/** The Shanghai calendar date of an instant. */
export function shanghaiDate(instant: Date): string {
  const ms = checkedTime(instant);
  return utcMidnightToDate(Math.floor((ms + OFFSET_MS) / DAY_MS) * DAY_MS);
}

/** The Shanghai wall-clock time of an instant, 'HH:mm' (seconds dropped). */
export function shanghaiClock(instant: Date): string {
  const ms = checkedTime(instant) + OFFSET_MS;
  const minuteOfDay = Math.floor((((ms % DAY_MS) + DAY_MS) % DAY_MS) / 60_000);
  return `${pad2(Math.floor(minuteOfDay / 60))}:${pad2(minuteOfDay % 60)}`;
}

/** The instant at wall-clock `time` ('HH:mm') on `date` in Shanghai. */
export function shanghaiInstant(date: string, time: string): Date {
  return new Date(dateToUtcMidnight(date) + timeToMinutes(time) * 60_000 - OFFSET_MS);
}

/** The instant `minutes` after midnight of `date` in Shanghai (may run past midnight). */
export function shanghaiInstantAtMinute(date: string, minutes: number): Date {
  if (!Number.isInteger(minutes)) throw new RangeError(`minutes must be an integer, got ${minutes}`);
  return new Date(dateToUtcMidnight(date) + minutes * 60_000 - OFFSET_MS);
}

/** An instant written in Shanghai time: 2026-10-10T01:00:00Z → '2026-10-10T09:00:00+08:00'. */
export function toShanghaiIso(instant: Date): string {
  const s = new Date(checkedTime(instant) + OFFSET_MS);
  return `${shanghaiDate(instant)}T${pad2(s.getUTCHours())}:${pad2(s.getUTCMinutes())}:${pad2(s.getUTCSeconds())}+08:00`;
}

/**
 * A Date from an instant: a Date is checked and returned as it is; a string must be ISO 8601
 * with an explicit offset ('Z' or ±HH:mm), since one without would be read in the machine's zone.
 */
export function parseInstant(value: Date | string): Date {
  if (value instanceof Date) {
    checkedTime(value);
    return value;
  }
  if (!ISO_INSTANT_RE.test(value)) {
    throw new RangeError(`not an ISO 8601 instant with an offset: ${JSON.stringify(value)}`);
  }
  const d = new Date(value);
  checkedTime(d);
  return d;
}

/** Is this a wall-clock time written 'HH:mm' (00:00–23:59)? */
export function isTimeString(value: string): boolean {
  return TIME_RE.test(value);
}

/** '08:30' → 510; throws RangeError on anything else. */
export function timeToMinutes(time: string): number {
  const m = TIME_RE.exec(time);
  if (!m) throw new RangeError(`not a time (HH:mm): ${JSON.stringify(time)}`);
  return Number(m[1]) * 60 + Number(m[2]);
}

/** 510 → '08:30' (0 ≤ minutes < 1440). */
export function minutesToTime(minutes: number): string {
  if (!Number.isInteger(minutes) || minutes < 0 || minutes >= 24 * 60) {
    throw new RangeError(`minutes of a day out of range: ${minutes}`);
  }
  return `${pad2(Math.floor(minutes / 60))}:${pad2(minutes % 60)}`;
}

/** '2026-12-01' → '12月1日' (how a date is said to a resident). */
export function formatMonthDay(date: string): string {
  const { month, day } = dateParts(date);
  return `${month}月${day}日`;
}

function checkedTime(instant: Date): number {
  const ms = instant.getTime();
  if (Number.isNaN(ms)) throw new RangeError('invalid Date');
  return ms;
}
