// Where a booking stands and what the person does next, in one plain sentence.
import type { Booking, BookingDetail, BookingEvent } from '@contract/booking';
import type { CaseStatus, CaseSummary } from '@contract/cases';
import { clockText, dateText, dateWithWeekday, dueText, partOfDay, shanghaiTime } from './bookingTime';

/** A booking from the list (no timeline) or from the detail (timeline, case, rating). */
export type BookingView = Booking & Partial<Pick<BookingDetail, 'timeline' | 'case' | 'rating'>>;

const CASE_KINDS: ReadonlySet<BookingEvent['kind']> = new Set([
  'accepted',
  'needs_supplement',
  'supplemented',
  'forwarded',
  'completed',
  'rejected',
]);

/** What we know of the case: the server's summary, else read back from the timeline. */
export function caseOf(
  booking: BookingView,
): (Pick<CaseSummary, 'status' | 'promisedBy' | 'missingMaterials' | 'rejectReason' | 'outcome'> & { acceptedAt?: string }) | null {
  if (booking.case) return booking.case;
  const events = (booking.timeline ?? []).filter((e) => CASE_KINDS.has(e.kind));
  const last = events[events.length - 1];
  if (!last) return null;
  const status: CaseStatus = last.kind === 'supplemented' ? 'accepted' : (last.kind as CaseStatus);
  return {
    status,
    promisedBy: null,
    missingMaterials: last.kind === 'needs_supplement' ? stringList(last.data.missing) : [],
    rejectReason: last.kind === 'rejected' ? textOf(last.data.reason) : null,
    outcome: last.kind === 'completed' ? textOf(last.data.outcome) : null,
  };
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v.trim() !== '') : [];
}

function textOf(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

/** "12月2日（周三）上午9:30" */
function appointmentText(slotStart: string): string {
  const t = shanghaiTime(slotStart);
  return `${dateWithWeekday(t.date)}${partOfDay(t.hour)}${clockText(t)}`;
}

/** The queue number given at check-in, when the timeline has it. */
export function ticketNumber(booking: BookingView): number | null {
  const event = [...(booking.timeline ?? [])].reverse().find((e) => e.kind === 'checked_in');
  const ticket = event?.data.ticket;
  if (typeof ticket === 'number') return ticket;
  if (ticket && typeof ticket === 'object' && typeof (ticket as { number?: unknown }).number === 'number') {
    return (ticket as { number: number }).number;
  }
  return null;
}

/** A sentence ending in "。" unless it already ends in punctuation. */
function sentence(text: string): string {
  return /[。！？.!?]$/.test(text) ? text : `${text}。`;
}

/** True once the matter is finished (办结 or 不予受理) and the resident may rate it. */
export function canRate(booking: BookingView): boolean {
  if (booking.rating) return false;
  const status = caseOf(booking)?.status;
  return status === 'completed' || status === 'rejected' || (status === undefined && booking.status === 'completed');
}

/**
 * The one thing to do next, e.g. "请在12月2日（周三）上午9:30前到沙河镇便民服务中心，带好材料，到窗口出示预约码。",
 * "请补交：户口簿复印件", "已办结，可以评价".
 */
export function nextStep(booking: BookingView): string {
  const matter = caseOf(booking);
  if (matter) {
    switch (matter.status) {
      case 'needs_supplement':
        return matter.missingMaterials.length > 0
          ? `请补交：${matter.missingMaterials.join('、')}`
          : '请补交材料，具体要什么请打电话问中心';
      case 'accepted':
        return matter.promisedBy
          ? `已受理，承诺${matter.acceptedAt ? dueText(matter.promisedBy, matter.acceptedAt) : `${dateText(matter.promisedBy)}前`}办好，请留意通知`
          : '已受理，正在办理，请留意通知';
      case 'forwarded':
        return '已上报县里办理，请耐心等候通知';
      case 'completed': {
        const outcome = matter.outcome ? sentence(matter.outcome) : '';
        if (booking.rating) return outcome !== '' ? `已办结。${outcome}谢谢您的评价` : '已办结，谢谢您的评价';
        return outcome !== '' ? `已办结，可以评价。${outcome}` : '已办结，可以评价';
      }
      case 'rejected': {
        const reason = matter.rejectReason ? `，原因：${matter.rejectReason}` : '';
        return booking.rating
          ? `不予受理${reason}。有疑问请打电话问中心`
          : `不予受理${reason}。有疑问请打电话问中心，也可以评价`;
      }
    }
  }
  switch (booking.status) {
    case 'booked':
      return `请在${appointmentText(booking.slotStart)}前到${booking.centerName}，带好材料，到窗口出示预约码`;
    case 'confirmed':
      return `中心已确认。请在${appointmentText(booking.slotStart)}前到${booking.centerName}，带好材料，到窗口出示预约码`;
    case 'checked_in': {
      const ticket = ticketNumber(booking);
      return ticket !== null ? `已签到，您是${ticket}号，请等候叫号` : '已签到，请等候叫号';
    }
    case 'completed':
      return booking.rating ? '已办结，谢谢您的评价' : '已办结，可以评价';
    case 'cancelled':
      return '预约已取消。还要办的话，可以重新预约';
    case 'declined':
      return booking.statusReason
        ? `这次预约没有通过，原因：${booking.statusReason}。请重新预约或打电话问中心`
        : '这次预约没有通过。请重新预约或打电话问中心';
    case 'no_show':
      return '预约时间已过，没有签到。还要办的话，请重新预约';
  }
  return '';
}

export type StatusTone = 'primary' | 'success' | 'warning' | 'danger' | 'neutral';

/** The short status on a card: "已预约", "要补材料", "已办结"… with a colour. */
export function statusLabel(booking: BookingView): { text: string; tone: StatusTone } {
  const matter = caseOf(booking);
  if (matter) {
    switch (matter.status) {
      case 'accepted':
        return { text: '办理中', tone: 'primary' };
      case 'needs_supplement':
        return { text: '要补材料', tone: 'warning' };
      case 'forwarded':
        return { text: '已上报', tone: 'primary' };
      case 'completed':
        return { text: '已办结', tone: 'success' };
      case 'rejected':
        return { text: '不予受理', tone: 'danger' };
    }
  }
  switch (booking.status) {
    case 'booked':
      return { text: '已预约', tone: 'primary' };
    case 'confirmed':
      return { text: '已确认', tone: 'primary' };
    case 'checked_in':
      return { text: '已签到', tone: 'success' };
    case 'completed':
      return { text: '已办结', tone: 'success' };
    case 'cancelled':
      return { text: '已取消', tone: 'neutral' };
    case 'declined':
      return { text: '未通过', tone: 'danger' };
    case 'no_show':
      return { text: '未到场', tone: 'neutral' };
  }
  return { text: '', tone: 'neutral' };
}

/** Still ahead: a booked or confirmed slot (the one the QR code and 改时间 / 取消 are for). */
export function isActive(booking: Pick<Booking, 'status'>): boolean {
  return booking.status === 'booked' || booking.status === 'confirmed';
}
