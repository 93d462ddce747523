// 消息 (件件有回音): the unread badge, the inbox in days and times on the Shanghai clock, which
// messages may open a page, and the words of the 通知方式 and 通知送达 screens. Pure: `now` is
// passed in.
import type { DeliveryReport, NotificationItem, NotificationSettings } from '@contract/notifications';
import { clockText, dateWithWeekday, momentText, partOfDay, shanghaiTime, addDays } from './bookingTime';
import { PAGES, pathOf, type Route } from './routes';

/** The badge on 消息: '' for none, the number as text, "99+" above 99. */
export function unreadBadgeText(unread: number | null | undefined): string {
  if (!unread || !Number.isFinite(unread) || unread <= 0) return '';
  return unread > 99 ? '99+' : String(Math.floor(unread));
}

/** What a screen reader says for the 消息 entry: "消息，3条未读" / "消息". */
export function unreadEntryLabel(unread: number | null | undefined): string {
  const badge = unreadBadgeText(unread);
  return badge === '' ? '消息' : `消息，${badge}条未读`;
}

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

export const QUIET_HOURS_LABEL = '夜间免打扰（22:00–07:00）';

/** Under the switches: for each channel that cannot reach the person, why ("短信：还没有手机号"). */
export function notReadyLines(settings: Pick<NotificationSettings, 'reach'>): string[] {
  const lines: string[] = [];
  const { wechat, sms } = settings.reach;
  if (!wechat.ready) lines.push(`${CHANNEL_LABELS.wechat}：${wechat.why ?? '暂时不能发送'}`);
  if (!sms.ready) lines.push(`${CHANNEL_LABELS.sms}：${sms.why ?? '暂时不能发送'}`);
  return lines;
}

/** The line under a switch: what it does, and how it stands. */
export function channelDetail(channel: 'wechat' | 'sms', settings: NotificationSettings): string {
  if (channel === 'wechat') {
    const left = settings.reach.wechat.consentsLeft;
    return left > 0 ? `预约时同意过，还能发${left}条` : '预约时点“提醒我”并同意，微信才能发给您';
  }
  const phone = settings.reach.sms.phone;
  return phone ? `发到 ${phone}` : '需要先留手机号（在“设置”里）';
}

// 通知送达 (county admin)

/** 0.953 → "95%", null (nothing attempted) → "—". */
export function rateText(rate: number | null): string {
  return rate === null ? '—' : `${Math.round(rate * 100)}%`;
}

type DeliveryState = keyof DeliveryReport['states'];

export const DELIVERY_STATE_LABELS: Record<DeliveryState, string> = {
  pending: '等待发送',
  sending: '正在发送',
  delivered: '已送达',
  inbox_only: '只在消息里',
  dead: '发送失败',
  unknown: '不确定是否送达',
  obsolete: '已作废',
};

/** The states in a fixed order with their counts (states the report does not name count 0). */
export function stateRows(states: DeliveryReport['states']): { state: DeliveryState; label: string; count: number }[] {
  return (Object.keys(DELIVERY_STATE_LABELS) as DeliveryState[]).map((state) => ({
    state,
    label: DELIVERY_STATE_LABELS[state],
    count: states[state] ?? 0,
  }));
}

/** "试过微信、短信，共3次，最后错误 43101" */
export function deadLetterTried(letter: DeliveryReport['deadLetters'][number]): string {
  const tried = letter.channelsTried.length > 0 ? `试过${letter.channelsTried.map((c) => CHANNEL_LABELS[c]).join('、')}` : '没有可用的方式';
  const error = letter.lastError ? `，最后错误 ${letter.lastError}` : '';
  return `${tried}，共${letter.attempts}次${error}`;
}
