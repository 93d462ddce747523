// Words and rules of the staff workbench (手机工作台), as pure functions: what a chip says, which
// queue buttons make sense now, how a day's bookings are grouped. The database has the last word.
import type { BookingStatus } from '@contract/booking';
import type { CaseStatus } from '@contract/cases';
import type { QueueBoard, QueueTicket, StaffDayBooking, TicketStatus } from '@contract/queue';

export { canUseWorkbench } from '@/lib/workEntry';

export const BOOKING_CHIPS: Readonly<Record<BookingStatus, { text: string; tone: 'primary' | 'danger' | 'warning' | 'success' | 'neutral' }>> = {
  booked: { text: '待确认', tone: 'warning' },
  confirmed: { text: '已确认', tone: 'primary' },
  checked_in: { text: '已签到', tone: 'success' },
  completed: { text: '已办结', tone: 'neutral' },
  cancelled: { text: '已取消', tone: 'neutral' },
  declined: { text: '未通过', tone: 'danger' },
  no_show: { text: '未到', tone: 'danger' },
};

export const TICKET_LABELS: Readonly<Record<TicketStatus, string>> = {
  waiting: '等候中',
  called: '已叫号',
  serving: '办理中',
  done: '办完',
  missed: '过号',
  cancelled: '作废',
};

export const CASE_LABELS: Readonly<Record<CaseStatus, string>> = {
  accepted: '已受理',
  needs_supplement: '待补正',
  forwarded: '已上报',
  completed: '已办结',
  rejected: '不予受理',
};

/** Reasons staff pick from when declining a booking (the resident reads them); 其他 = free text. */
export const DECLINE_REASONS: readonly string[] = [
  '当天窗口临时停办，请改约其他时间',
  '这个事项本中心不能办理，请到县政务服务中心',
  '预约信息不全，请电话联系中心',
];

/** Reasons for 不予受理 (the resident reads them). */
export const REJECT_REASONS: readonly string[] = [
  '不符合办理条件',
  '不属于本中心办理范围',
  '申请人本人须到场办理',
];

/** "12:30" in Shanghai from an ISO instant. */
export function clockText(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const sh = new Date(d.getTime() + 8 * 3600_000);
  return `${String(sh.getUTCHours()).padStart(2, '0')}:${String(sh.getUTCMinutes()).padStart(2, '0')}`;
}

export interface SlotGroup {
  /** "09:30–10:00" */
  title: string;
  bookings: StaffDayBooking[];
}

/**
 * A day's list as staff read it: pending confirmations first (they need an answer), then the
 * rest by slot; cancelled and declined ones are left out (counted separately).
 */
export function dayGroups(bookings: readonly StaffDayBooking[]): { pending: StaffDayBooking[]; slots: SlotGroup[] } {
  const pending = bookings.filter((b) => b.status === 'booked');
  const slots: SlotGroup[] = [];
  for (const b of bookings) {
    if (b.status === 'booked' || b.status === 'cancelled' || b.status === 'declined') continue;
    const title = `${clockText(b.slotStart)}–${clockText(b.slotEnd)}`;
    const last = slots[slots.length - 1];
    if (last && last.title === title) last.bookings.push(b);
    else slots.push({ title, bookings: [b] });
  }
  return { pending, slots };
}

export type QueueButton = 'call_next' | 'serve' | 'recall' | 'missed' | 'requeue' | 'finish_and_next' | 'finish';

/**
 * The buttons for the window's current person. Someone called but not served has no "叫下一位":
 * staff choose (开始办理 / 再叫一次 / 过号 / 放回排队), so a mis-tap never loses them.
 */
export function queueButtons(current: QueueTicket | null, recallLimit = 3): QueueButton[] {
  if (!current) return ['call_next'];
  if (current.status === 'called') {
    return current.callCount < recallLimit ? ['serve', 'recall', 'missed', 'requeue'] : ['serve', 'missed', 'requeue'];
  }
  if (current.status === 'serving') return ['finish_and_next', 'finish'];
  return ['call_next'];
}

const ACTION_WORDS: Readonly<Record<NonNullable<QueueBoard['lastAction']>['action'], string>> = {
  call: '叫了',
  recall: '又叫了',
  serve: '开始办理',
  finish: '办完了',
  missed: '过号了',
  requeue: '放回排队了',
};

/** "刚才叫了12号" for the undo banner; '' when it can no longer be undone. */
export function undoText(last: QueueBoard['lastAction'], now: Date): string {
  if (!last || !last.undoUntil || new Date(last.undoUntil).getTime() < now.getTime()) return '';
  return `刚才${ACTION_WORDS[last.action]}${last.number}号`;
}

/** "12号 王*英" / "15号 现场取号" */
export function ticketTitle(t: Pick<QueueTicket, 'number' | 'applicantName' | 'kind'>): string {
  return `${t.number}号 ${t.kind === 'booking' && t.applicantName ? t.applicantName : '现场取号'}`;
}

/** "办理用时 15分钟" from seconds. */
export function durationText(seconds: number | null): string {
  if (seconds === null || seconds < 0) return '';
  const minutes = Math.round(seconds / 60);
  return minutes < 60 ? `${minutes}分钟` : `${Math.floor(minutes / 60)}小时${minutes % 60}分钟`;
}

/** What the typed code becomes: upper case, no spaces; '' unless 8 characters of the code's alphabet. */
export function normaliseCode(typed: string): string {
  const clean = typed.replace(/[\s-]+/g, '').toUpperCase();
  return /^[2-9A-HJ-NP-Z]{8}$/.test(clean) ? clean : '';
}

/** Shanghai date of `now` plus `days`, YYYY-MM-DD. */
export function shanghaiDay(now: Date, days = 0): string {
  return new Date(now.getTime() + 8 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);
}

export type CaseStepAction = 'supplement' | 'supplemented' | 'forward' | 'complete' | 'reject';

/** The steps a case allows now (server/cases/case-machine.ts; the database enforces it). */
export function caseActions(status: CaseStatus): CaseStepAction[] {
  switch (status) {
    case 'accepted':
      return ['complete', 'supplement', 'forward', 'reject'];
    case 'needs_supplement':
      return ['supplemented', 'reject'];
    case 'forwarded':
      return ['complete', 'supplement', 'reject'];
    default:
      return [];
  }
}

export const CASE_ACTION_LABELS: Readonly<Record<CaseStepAction, string>> = {
  complete: '办结',
  supplement: '缺材料，要补正',
  supplemented: '材料补齐了',
  forward: '上报县里',
  reject: '不予受理',
};

/** The missing materials to send: the ticked ones, then the typed ones (one per line), no repeats. */
export function missingList(ticked: readonly string[], typed: string): string[] {
  const out: string[] = [];
  for (const name of [...ticked, ...typed.split(/[\n，,、；;]+/)]) {
    const clean = name.trim();
    if (clean !== '' && !out.includes(clean)) out.push(clean);
  }
  return out.slice(0, 20);
}
