// Dates and times of bookings in the words people use, always on Shanghai time whatever the
// phone's time zone: "12月2日（周三）", "上午 9:30", "下午 2:30", "今天", "明天".
import { shanghaiClock } from './shanghaiTime';

const DAY_MS = 24 * 60 * 60 * 1000;
const WEEKDAY_NAMES = ['周一', '周二', '周三', '周四', '周五', '周六', '周日'] as const;

/** A moment as read on a Shanghai wall clock. */
export interface ShanghaiTime {
  /** YYYY-MM-DD */
  date: string;
  month: number;
  day: number;
  hour: number;
  minute: number;
  /** ISO weekday, 1 = Monday */
  weekday: number;
}

/** An instant (ISO 8601 with any offset, or a Date) on the Shanghai clock. */
export function shanghaiTime(instant: string | Date): ShanghaiTime {
  const clock = shanghaiClock(typeof instant === 'string' ? new Date(Date.parse(instant)) : instant);
  const [, month = 0, day = 0] = clock.date.split('-').map(Number);
  return {
    date: clock.date,
    month,
    day,
    hour: Math.floor(clock.minutes / 60),
    minute: clock.minutes % 60,
    weekday: clock.weekday,
  };
}

/** Today's date in Shanghai (YYYY-MM-DD). */
export function shanghaiToday(now: Date): string {
  return shanghaiTime(now).date;
}

/** A YYYY-MM-DD date as its parts (midnight in Shanghai). */
function dateParts(date: string): ShanghaiTime {
  return shanghaiTime(`${date}T00:00:00+08:00`);
}

/** "2026-12-30" + 3 → "2027-01-02". */
export function addDays(date: string, days: number): string {
  return shanghaiTime(new Date(Date.parse(`${date}T00:00:00+08:00`) + days * DAY_MS)).date;
}

/** Whole days from `from` to `to` (both YYYY-MM-DD); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

export function weekdayName(isoWeekday: number): string {
  return WEEKDAY_NAMES[isoWeekday - 1] ?? '';
}

/** "12月2日". */
export function dateText(date: string): string {
  const p = dateParts(date);
  return `${p.month}月${p.day}日`;
}

/** "今天", "明天", "后天", else the weekday ("周三"). */
export function dayName(date: string, today: string): string {
  const ahead = daysBetween(today, date);
  if (ahead === 0) return '今天';
  if (ahead === 1) return '明天';
  if (ahead === 2) return '后天';
  return weekdayName(dateParts(date).weekday);
}

/** "12月2日（周三）", or "12月2日（今天）" when a `today` is given and it is today or tomorrow. */
export function dateWithWeekday(date: string, today?: string): string {
  const name = today === undefined ? weekdayName(dateParts(date).weekday) : dayName(date, today);
  return `${dateText(date)}（${name}）`;
}

/** 上午 before noon, 中午 12:00–12:59, 下午 until 18:00, then 晚上. */
export function partOfDay(hour: number): string {
  if (hour < 12) return '上午';
  if (hour < 13) return '中午';
  if (hour < 18) return '下午';
  return '晚上';
}

/**
 * The clock as spoken, 12-hour with the part of the day: 9:30 → "9:30", 14:30 → "2:30"
 * (with partOfDay: "下午 2:30", as people say 下午两点半).
 */
export function clockText(t: Pick<ShanghaiTime, 'hour' | 'minute'>): string {
  const hour = t.hour > 12 ? t.hour - 12 : t.hour;
  return `${hour}:${String(t.minute).padStart(2, '0')}`;
}

/** A slot's start for a button: "上午 9:30", "下午 2:30". */
export function slotLabel(start: string): string {
  const t = shanghaiTime(start);
  return `${partOfDay(t.hour)} ${clockText(t)}`;
}

/** "上午9:30–10:00" (end in the same 12-hour reading; the part of day said once). */
export function slotRangeText(start: string, end: string): string {
  const s = shanghaiTime(start);
  const e = shanghaiTime(end);
  return `${partOfDay(s.hour)}${clockText(s)}–${clockText(e)}`;
}

/** The whole appointment: "12月2日（周三）上午9:30–10:00". */
export function whenText(start: string, end: string): string {
  return `${dateWithWeekday(shanghaiTime(start).date)}${slotRangeText(start, end)}`;
}

/** A moment in a timeline: "12月2日 上午9:30". */
export function momentText(instant: string): string {
  const t = shanghaiTime(instant);
  return `${dateText(t.date)} ${partOfDay(t.hour)}${clockText(t)}`;
}

/** When a promise falls due, said from the day it was made: "当天" or "12月15日前". */
export function dueText(dueDate: string, madeAt: string): string {
  return shanghaiTime(madeAt).date === dueDate ? '当天' : `${dateText(dueDate)}前`;
}
