import type { ClosedReasonCode } from '@contract/booking';
import type { OpeningSession } from '@contract/catalogue';
import { formatClock } from './openingHours';
import { minutesOfClock, type ShanghaiClock } from './shanghaiTime';

/** What the calendar says about today at this centre (from today's availability), when known. */
export interface TodayCalendar {
  open: boolean;
  reason: { code: ClosedReasonCode; text: string } | null;
}

export type OpenState = 'open' | 'closed' | 'unknown';

export interface TodayHours {
  state: OpenState;
  /** short, for a badge: 开门中 / 已关门 / 今天休息 / 时间不详 */
  badge: string;
  /** one sentence: "现在开门，12:00 午休" */
  statusText: string;
  /** today's sessions, e.g. ['上午 8:30–12:00', '下午 14:00–17:30']; [] when closed all day */
  sessions: string[];
}

interface Session {
  opens: number;
  closes: number;
  text: string;
}

/** Closed for the whole day whatever the weekly hours say (a holiday or a closure notice). */
const CLOSING_REASONS: readonly ClosedReasonCode[] = ['HOLIDAY', 'CLOSURE'];
/** Reasons that still mean "a working day" (the centre is open; only booking is not). */
const WORKING_DAY_REASONS: readonly ClosedReasonCode[] = ['FULL', 'PAST', 'NO_CAPACITY'];

function partOfDay(minutes: number): string {
  if (minutes < 12 * 60) return '上午';
  if (minutes < 18 * 60) return '下午';
  return '晚上';
}

function sessionsOf(all: readonly OpeningSession[], weekday: number): Session[] {
  const sessions: Session[] = [];
  for (const s of all) {
    if (s.weekday !== weekday) continue;
    const opens = minutesOfClock(s.opens);
    const closes = minutesOfClock(s.closes);
    if (opens === null || closes === null || closes <= opens) continue;
    sessions.push({ opens, closes, text: `${formatClock(s.opens)}–${formatClock(s.closes)}` });
  }
  sessions.sort((a, b) => a.opens - b.opens);
  const withPrefix = sessions.length > 1;
  return sessions.map((s) => ({ ...s, text: withPrefix ? `${partOfDay(s.opens)} ${s.text}` : s.text }));
}

function clockText(minutes: number): string {
  return formatClock(`${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`);
}

/**
 * Is the centre open right now, and what are today's hours? `clock` is Shanghai time (pass
 * `now` in); `calendar` is today's availability when it was loaded: a holiday or closure closes
 * the day, and a working weekend (调休) uses Monday's hours, as the booking engine does.
 */
export function todayHours(
  openingHours: readonly OpeningSession[],
  clock: ShanghaiClock,
  calendar?: TodayCalendar | null,
): TodayHours {
  if (openingHours.length === 0) {
    return { state: 'unknown', badge: '时间不详', statusText: '开放时间不详，去之前请先打电话问一问', sessions: [] };
  }
  const reason = calendar?.reason ?? null;
  if (reason && CLOSING_REASONS.includes(reason.code)) {
    return { state: 'closed', badge: '今天不开门', statusText: `今天不开门：${reason.text}`, sessions: [] };
  }

  let sessions = sessionsOf(openingHours, clock.weekday);
  const workingDay = calendar ? calendar.open || (reason !== null && WORKING_DAY_REASONS.includes(reason.code)) : false;
  let adjusted = false;
  if (sessions.length === 0 && workingDay && clock.weekday >= 6) {
    sessions = sessionsOf(openingHours, 1);
    adjusted = sessions.length > 0;
  }
  const texts = sessions.map((s) => s.text);
  if (sessions.length === 0) {
    return { state: 'closed', badge: '今天休息', statusText: '今天休息，不开门', sessions: [] };
  }

  const now = clock.minutes;
  const prefix = adjusted ? '今天调休上班，' : '';
  const current = sessions.find((s) => s.opens <= now && now < s.closes);
  if (current) {
    const later = sessions.some((s) => s.opens >= current.closes);
    const until = later ? `${clockText(current.closes)} 午休` : `${clockText(current.closes)} 下班`;
    return { state: 'open', badge: '开门中', statusText: `${prefix}现在开门，${until}`, sessions: texts };
  }
  const next = sessions.find((s) => s.opens > now);
  if (next) {
    const first = next === sessions[0];
    const what = first ? '现在还没开门' : '现在午休';
    return {
      state: 'closed',
      badge: '已关门',
      statusText: `${prefix}${what}，${clockText(next.opens)} 开门`,
      sessions: texts,
    };
  }
  return { state: 'closed', badge: '已关门', statusText: `${prefix}今天已经下班了`, sessions: texts };
}
