// 消息 (件件有回音), the notice subpackage's rules: the inbox in days and times on the Shanghai
// clock, which messages may open a page, the words of 通知方式. (The badge of 首页 is in
// ./unreadBadge, the admin's 通知送达 in ./deliveryReport: each package carries only its own.)
// Pure: `now` is passed in.
import type { NotificationItem, NotificationSettings } from '@contract/notifications';
import { clockText, dateWithWeekday, momentText, partOfDay, shanghaiTime, addDays } from './bookingTime';
import { PAGES, pathOf, type Route } from './routes';

/** A message's time in the list: "上午9:30" today, else "12月2日 上午9:30" (Shanghai). */
export function messageTimeText(at: string, now: Date): string {
  const t = shanghaiTime(at);
  return t.date === shanghaiTime(now).date ? `${partOfDay(t.hour)}${clockText(t)}` : momentText(at);
}

export interface InboxDay {
  /** "今天", "昨天", "12月2日（周三）" */
  title: string;
  items: NotificationItem[];
}

/** The messages (newest first, as the server sends them) under one heading per Shanghai day. */
export function inboxDays(items: readonly NotificationItem[], now: Date): InboxDay[] {
  const today = shanghaiTime(now).date;
  const yesterday = addDays(today, -1);
  const days: InboxDay[] = [];
  for (const item of items) {
    const date = shanghaiTime(item.at).date;
    const title = date === today ? '今天' : date === yesterday ? '昨天' : dateWithWeekday(date);
    const last = days.at(-1);
    if (last && last.title === title) last.items.push(item);
    else days.push({ title, items: [item] });
  }
  return days;
}

/** An older page appended below the shown rows; a message already shown is not shown twice. */
export function appendOlder(rows: readonly NotificationItem[], older: readonly NotificationItem[]): NotificationItem[] {
  const seen = new Set(rows.map((r) => r.id));
  return [...rows, ...older.filter((r) => !seen.has(r.id))];
}

/** The rows with one message (or, with no id, all of them) shown as read. */
export function markedRead(rows: readonly NotificationItem[], id?: string): NotificationItem[] {
  return rows.map((r) => (id === undefined || r.id === id ? (r.read ? r : { ...r, read: true }) : r));
}

const KNOWN_PATHS = new Set((Object.keys(PAGES) as Route[]).map(pathOf));

/**
 * The page a message opens, when it names one of this app's pages ("/pages/booking/index?id=…");
 * null otherwise (no link, or a page this version does not have: the message is still read).
 */
export function openableLink(link: string | null | undefined): string | null {
  if (!link) return null;
  const url = link.trim().startsWith('/') ? link.trim() : `/${link.trim()}`;
  const path = url.split('?')[0] ?? '';
  return KNOWN_PATHS.has(path) ? url : null;
}

export const CHANNEL_LABELS = { wechat: '微信通知', sms: '短信', inbox: '消息' } as const;

export const QUIET_HOURS_LABEL = '夜间免打扰';
/** Under the 夜间免打扰 switch (the server holds WeChat and SMS then, except for same-day changes). */
export const QUIET_HOURS_DETAIL = '22:00–07:00 不发微信和短信，当天的变动照常通知';

/**
 * Under the switches: for each channel that cannot reach the person, why ("短信：还没有登记手机号"),
 * the channel named once (the server's reason may name it already: "微信通知暂未开通").
 */
export function notReadyLines(settings: Pick<NotificationSettings, 'reach'>): string[] {
  const line = (label: string, name: string, why: string | null): string => {
    const reason = why ?? '暂时不能发送';
    return reason.includes(name) ? reason : `${label}：${reason}`;
  };
  const lines: string[] = [];
  const { wechat, sms } = settings.reach;
  if (!wechat.ready) lines.push(line(CHANNEL_LABELS.wechat, '微信', wechat.why));
  if (!sms.ready) lines.push(line(CHANNEL_LABELS.sms, '短信', sms.why));
  return lines;
}

/** The line under a switch: where the messages arrive (why a channel cannot reach is said below the switches). */
export function channelDetail(channel: 'wechat' | 'sms', settings: NotificationSettings): string {
  if (channel === 'wechat') {
    const left = settings.reach.wechat.consentsLeft;
    return left > 0 ? `微信里的服务通知，还能收${left}条` : '微信里的服务通知';
  }
  const phone = settings.reach.sms.phone;
  return phone ? `发到 ${phone}` : '发到您留的手机号';
}
