// The booking's progress (进度) as lines a person reads top to bottom: what happened, when,
// and the detail that matters (what is missing, why it was refused, the queue number).
import type { BookingEvent } from '@contract/booking';
import { dueText, momentText } from './bookingTime';
import { levelLabel } from './rating';

export interface TimelineLine {
  kind: BookingEvent['kind'];
  /** "已预约", "需要补交材料" … */
  title: string;
  /** "12月2日 上午9:30" */
  at: string;
  /** lines under the title (one per missing material, the reason, the outcome) */
  details: string[];
  tone: 'normal' | 'good' | 'attention' | 'bad';
}

const TITLES: Record<BookingEvent['kind'], string> = {
  booked: '已预约',
  rescheduled: '改了时间',
  cancelled: '已取消',
  confirmed: '中心已确认',
  declined: '预约未通过',
  checked_in: '已到窗口签到',
  no_show: '没有按时到',
  accepted: '已受理，开始办理',
  needs_supplement: '需要补交材料',
  supplemented: '材料已补齐',
  forwarded: '已上报县里办理',
  completed: '已办结',
  rejected: '不予受理',
  rated: '已评价',
  called: '已叫号，请到窗口',
  missed: '叫号时不在，已过号',
  requeued: '已重新排队',
};

const TONES: Partial<Record<BookingEvent['kind'], TimelineLine['tone']>> = {
  called: 'attention',
  missed: 'bad',
  completed: 'good',
  needs_supplement: 'attention',
  rejected: 'bad',
  declined: 'bad',
  no_show: 'bad',
};

const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

function ticketOf(value: unknown): number | null {
  if (typeof value === 'number') return value;
  if (value && typeof value === 'object') {
    const n = (value as { number?: unknown }).number;
    if (typeof n === 'number') return n;
  }
  return null;
}

function detailsOf(event: BookingEvent): string[] {
  const d = event.data ?? {};
  switch (event.kind) {
    case 'rescheduled': {
      const lines: string[] = [];
      if (text(d.from) !== '') lines.push(`原来：${momentText(text(d.from))}`);
      if (text(d.to) !== '') lines.push(`改到：${momentText(text(d.to))}`);
      return lines;
    }
    case 'cancelled':
    case 'declined':
    case 'rejected':
      return text(d.reason) !== '' ? [`原因：${text(d.reason)}`] : [];
    case 'called': {
      const ticket = ticketOf(d.ticket);
      const window = text(d.window);
      return [ticket !== null ? `${ticket}号` : '', window !== '' ? `请到${window}` : ''].filter((l) => l !== '');
    }
    case 'missed':
      return ['人来了请告诉窗口工作人员，可以重新排队'];
    case 'checked_in': {
      const ticket = ticketOf(d.ticket);
      return ticket !== null ? [`排队号：${ticket}号`] : [];
    }
    case 'needs_supplement':
      return Array.isArray(d.missing)
        ? d.missing.filter((m): m is string => typeof m === 'string' && m.trim() !== '').map((m) => `要补交：${m.trim()}`)
        : [];
    case 'completed':
      return text(d.outcome) !== '' ? [text(d.outcome)] : [];
    case 'accepted':
      return /^\d{4}-\d{2}-\d{2}$/.test(text(d.promisedBy)) ? [`承诺${dueText(text(d.promisedBy), event.at)}办好`] : [];
    case 'supplemented':
      return Array.isArray(d.missing)
        ? d.missing.filter((m): m is string => typeof m === 'string' && m.trim() !== '').map((m) => `已补交：${m.trim()}`)
        : [];
    case 'forwarded':
      return text(d.note) !== '' ? [text(d.note)] : [];
    case 'rated':
      return typeof d.level === 'number' && levelLabel(d.level) !== '' ? [levelLabel(d.level)] : [];
    default:
      return [];
  }
}

/** Timeline lines, oldest first (as the server sends them, re-sorted by time to be safe). */
export function timelineLines(events: readonly BookingEvent[] | undefined): TimelineLine[] {
  return [...(events ?? [])]
    .map((event, index) => ({ event, index }))
    .sort((a, b) => Date.parse(a.event.at) - Date.parse(b.event.at) || a.index - b.index)
    .map(({ event }) => ({
      kind: event.kind,
      title: TITLES[event.kind] ?? '进度更新',
      at: momentText(event.at),
      details: detailsOf(event),
      tone: TONES[event.kind] ?? 'normal',
    }));
}
