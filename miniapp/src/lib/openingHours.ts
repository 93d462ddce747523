import type { OpeningSession } from '@contract/catalogue';

/**
 * One line of the opening-hours table, e.g.
 * { days: '周一至周五', sessions: ['上午 8:30–12:00', '下午 14:00–17:30'], hours: '上午 8:30–12:00　下午 14:00–17:30' }.
 */
export interface OpeningHoursLine {
  days: string;
  /** one entry per session (shown one per line so a range never breaks), ['休息'] when closed */
  sessions: string[];
  /** the sessions as one text */
  hours: string;
  closed: boolean;
}

const WEEKDAY_NAMES = ['周一', '周二', '周三', '周四', '周五', '周六', '周日'] as const;
const CLOSED_TEXT = '休息';

function weekdayName(isoWeekday: number): string {
  return WEEKDAY_NAMES[isoWeekday - 1] ?? `周${isoWeekday}`;
}

/** "08:30" → "8:30" (older readers find the leading zero noisy). */
export function formatClock(hhmm: string): string {
  const match = /^(\d{1,2}):(\d{2})/.exec(hhmm.trim());
  if (!match) return hhmm.trim();
  return `${Number(match[1])}:${match[2]}`;
}

function minutesOf(hhmm: string): number {
  const match = /^(\d{1,2}):(\d{2})/.exec(hhmm.trim());
  return match ? Number(match[1]) * 60 + Number(match[2]) : 0;
}

/** 上午 / 下午 / 晚上, by the time a session opens. */
function partOfDay(opens: string): string {
  const minutes = minutesOf(opens);
  if (minutes < 12 * 60) return '上午';
  if (minutes < 18 * 60) return '下午';
  return '晚上';
}

const SESSION_SEPARATOR = '　';

/** The sessions of one day as text; the 上午/下午 prefix only helps when a day has several. */
function describeSessions(sessions: readonly OpeningSession[]): string {
  const sorted = [...sessions].sort((a, b) => minutesOf(a.opens) - minutesOf(b.opens));
  const withPrefix = sorted.length > 1;
  return sorted
    .map((s) => {
      const range = `${formatClock(s.opens)}–${formatClock(s.closes)}`;
      return withPrefix ? `${partOfDay(s.opens)} ${range}` : range;
    })
    .join(SESSION_SEPARATOR);
}

/**
 * Names a set of weekdays: runs of three or more become "周一至周五",
 * shorter runs are listed ("周六、周日"); runs are joined with "、".
 */
export function describeWeekdays(isoWeekdays: readonly number[]): string {
  const days = [...new Set(isoWeekdays)].sort((a, b) => a - b);
  const runs: number[][] = [];
  for (const day of days) {
    const last = runs[runs.length - 1];
    if (last && last[last.length - 1] === day - 1) last.push(day);
    else runs.push([day]);
  }
  return runs
    .map((run) => {
      const first = run[0] as number;
      const end = run[run.length - 1] as number;
      if (run.length >= 3) return `${weekdayName(first)}至${weekdayName(end)}`;
      return run.map(weekdayName).join('、');
    })
    .join('、');
}

/**
 * Groups weekdays that have identical hours into one line, ordered by their first weekday.
 * Days without sessions are shown as 休息 once at least one day is open; no sessions at all → [].
 */
export function groupOpeningHours(sessions: readonly OpeningSession[]): OpeningHoursLine[] {
  const valid = sessions.filter((s) => s.weekday >= 1 && s.weekday <= 7);
  if (valid.length === 0) return [];

  const hoursByDay = new Map<number, string>();
  for (let day = 1; day <= 7; day += 1) {
    const ofDay = valid.filter((s) => s.weekday === day);
    hoursByDay.set(day, ofDay.length > 0 ? describeSessions(ofDay) : CLOSED_TEXT);
  }

  const daysByHours = new Map<string, number[]>();
  for (const [day, hours] of hoursByDay) {
    const days = daysByHours.get(hours) ?? [];
    days.push(day);
    daysByHours.set(hours, days);
  }

  return [...daysByHours.entries()]
    .map(([hours, days]) => ({ days, hours }))
    .sort((a, b) => {
      // open days first, then by first weekday
      const aClosed = a.hours === CLOSED_TEXT ? 1 : 0;
      const bClosed = b.hours === CLOSED_TEXT ? 1 : 0;
      return aClosed - bClosed || (a.days[0] ?? 0) - (b.days[0] ?? 0);
    })
    .map(({ hours, days }) => ({
      days: describeWeekdays(days),
      sessions: hours.split(SESSION_SEPARATOR),
      hours,
      closed: hours === CLOSED_TEXT,
    }));
}
