// Pure rules of the centre configuration screens (manage subpackage): labels, grouping of the
// weekly templates, reading the forms. Each returns plain words a tired manager understands.
import type { CapacitySession, ManagedClosure, ManagedTemplate } from '@contract/center-config';

export const WEEKDAY_LABELS = ['周一', '周二', '周三', '周四', '周五', '周六', '周日'] as const;

export function weekdayLabel(weekday: number): string {
  return WEEKDAY_LABELS[weekday - 1] ?? '';
}

/** "周一至周五" for a run, "周一、周三" otherwise. */
export function weekdaysText(weekdays: number[]): string {
  const days = [...new Set(weekdays)].sort((a, b) => a - b);
  if (days.length === 0) return '不在岗';
  if (days.length === 7) return '每天';
  const run = days.length > 2 && days.every((d, i) => i === 0 || d === days[i - 1]! + 1);
  return run ? `${weekdayLabel(days[0]!)}至${weekdayLabel(days[days.length - 1]!)}` : days.map(weekdayLabel).join('、');
}

/** One line per session: "08:30–12:00，每30分钟，4个号（现场1个）". */
export function sessionText(s: CapacitySession): string {
  const walkIn = s.walkInSeats > 0 ? `（现场${s.walkInSeats}个）` : '';
  return `${s.starts}–${s.ends}，每${s.slotMinutes}分钟，${s.seats}个号${walkIn}`;
}

export interface WeekdayTemplates {
  weekday: number;
  label: string;
  lines: string[];
}

/** A window's weekly template, Monday to Sunday, with 不开放 for days without sessions. */
export function windowWeek(templates: ManagedTemplate[], windowId: string): WeekdayTemplates[] {
  return WEEKDAY_LABELS.map((label, i) => {
    const lines = templates
      .filter((t) => t.windowId === windowId && t.weekday === i + 1)
      .sort((a, b) => (a.starts < b.starts ? -1 : 1))
      .map(sessionText);
    return { weekday: i + 1, label, lines: lines.length > 0 ? lines : ['不开放'] };
  });
}

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

export interface SessionForm {
  starts: string;
  ends: string;
  slotMinutes: string;
  seats: string;
  walkInSeats: string;
}

/** The form as a session, or the first problem in plain words. */
export function readSession(form: SessionForm): { session: CapacitySession } | { problem: string } {
  const starts = form.starts.trim();
  const ends = form.ends.trim();
  if (!TIME.test(starts) || !TIME.test(ends)) return { problem: '时间请写成 08:30 这样' };
  if (starts >= ends) return { problem: '开始时间要早于结束时间' };
  const n = (v: string) => (/^\d{1,3}$/.test(v.trim()) ? Number(v.trim()) : NaN);
  const slotMinutes = n(form.slotMinutes);
  const seats = n(form.seats);
  const walkInSeats = n(form.walkInSeats || '0');
  if (!(slotMinutes >= 10 && slotMinutes <= 240)) return { problem: '每段分钟数要在10到240之间' };
  if (!(seats >= 0 && seats <= 500)) return { problem: '号数要在0到500之间' };
  if (!(walkInSeats >= 0 && walkInSeats <= seats)) return { problem: '现场号不能多于总号数' };
  return { session: { starts, ends, slotMinutes, seats, walkInSeats } };
}

/** Closed days grouped into runs with one reason: "12月10日至12月11日 停电检修". */
export function closureRuns(closures: ManagedClosure[]): { ids: string[]; text: string; reason: string }[] {
  const sorted = closures.filter((c) => c.windowId === null).sort((a, b) => (a.date < b.date ? -1 : 1));
  const runs: { ids: string[]; dates: string[]; reason: string }[] = [];
  for (const c of sorted) {
    const last = runs[runs.length - 1];
    if (last && last.reason === c.reason && nextDay(last.dates[last.dates.length - 1]!) === c.date) {
      last.ids.push(c.id);
      last.dates.push(c.date);
    } else runs.push({ ids: [c.id], dates: [c.date], reason: c.reason });
  }
  return runs.map((r) => ({
    ids: r.ids,
    reason: r.reason,
    text: r.dates.length === 1 ? monthDay(r.dates[0]!) : `${monthDay(r.dates[0]!)}至${monthDay(r.dates[r.dates.length - 1]!)}`,
  }));
}

export function monthDay(date: string): string {
  return `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;
}

function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

export function isDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);
}
