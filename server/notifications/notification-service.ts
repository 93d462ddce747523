// The inbox, the settings and the admin's view, over the database functions of
// supabase/schemas/80_notifications.sql; texts are rendered here from kind and data.
import type { App } from '../app';
import type {
  DeadLetter,
  DeliveryReport,
  NotificationItem,
  NotificationKind,
  NotificationPage,
  NotificationSettings,
  UnreadCount,
  UpdateNotificationSettings,
} from '../contract/notifications';
import { apiError } from '../core/errors';
import type { Caller } from '../db/database';
import { type PersonReachState, reachOf } from './reach';
import { linkOf, type NoticeData, renderInbox } from './templates';

interface InboxRow {
  id: string;
  kind: NotificationKind;
  data: NoticeData;
  at: string;
  read: boolean;
  bookingId: string | null;
  caseId: string | null;
  centerId: string | null;
  deliveredBy: NotificationItem['deliveredBy'];
}

function item(row: InboxRow): NotificationItem {
  const { title, body } = renderInbox(row.kind, row.data);
  return {
    id: row.id,
    kind: row.kind,
    title,
    body,
    at: row.at,
    read: row.read,
    bookingId: row.bookingId,
    caseId: row.caseId,
    link: linkOf(row.kind, row),
    deliveredBy: row.deliveredBy,
  };
}

/** The page cursor: the last row's time and id, opaque to the client. */
export function encodeCursor(at: string, id: string): string {
  return Buffer.from(`${at}|${id}`, 'utf8').toString('base64url');
}
export function decodeCursor(cursor: string): { at: string; id: string } {
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (!at || !id || Number.isNaN(Date.parse(at)) || !/^[0-9a-f-]{36}$/i.test(id)) {
    throw apiError('INVALID_INPUT', { before: '翻页位置不对，请从第一页重新打开' });
  }
  return { at, id };
}

export async function listInbox(app: App, caller: Caller, query: { before?: string; limit: number }, now: Date): Promise<NotificationPage> {
  const before = query.before ? decodeCursor(query.before) : undefined;
  const page = await app.db.rpc<{ items: InboxRow[]; more: boolean; unread: number }>(
    'list_notifications',
    { p_now: now, p_limit: query.limit, p_before_at: before?.at ?? null, p_before_id: before?.id ?? null },
    caller,
  );
  const last = page.items[page.items.length - 1];
  return { items: page.items.map(item), unread: page.unread, next: page.more && last ? encodeCursor(last.at, last.id) : null };
}

export function unreadCount(app: App, caller: Caller, now: Date): Promise<UnreadCount> {
  return app.db.rpc<UnreadCount>('unread_notifications', { p_now: now }, caller);
}

export function markRead(app: App, caller: Caller, id: string | null, now: Date): Promise<UnreadCount> {
  return app.db.rpc<UnreadCount>('read_notifications', { p_now: now, p_id: id }, caller);
}

function available(app: App) {
  const n = app.config.notifications;
  return { wechatTemplates: app.config.wechat ? n.wechatTemplates : {}, sms: n.sms !== undefined && Object.keys(n.sms.templates).length > 0 };
}

export async function getSettings(app: App, caller: Caller): Promise<NotificationSettings> {
  const channels = available(app);
  const state = await app.db.rpc<PersonReachState>('my_notification_settings', { p_templates: channels.wechatTemplates }, caller);
  return reachOf(state, channels);
}

export async function saveSettings(app: App, caller: Caller, body: UpdateNotificationSettings, now: Date): Promise<NotificationSettings> {
  await app.db.rpc(
    'save_notification_settings',
    { p_wechat: body.wechat ?? null, p_sms: body.sms ?? null, p_quiet_hours: body.quietHours ?? null, p_now: now },
    caller,
  );
  return getSettings(app, caller);
}

type ReportRow = Omit<DeliveryReport, 'deadLetters'> & { deadLetters: (Omit<DeadLetter, 'title'> & { data: NoticeData })[] };

export async function deliveryReport(app: App, caller: Caller, days: number, now: Date): Promise<DeliveryReport> {
  const report = await app.db.rpc<ReportRow>('notification_report', { p_days: days, p_now: now }, caller);
  return {
    ...report,
    deadLetters: report.deadLetters.map(({ data, ...row }) => ({ ...row, title: renderInbox(row.kind, data).title })),
  };
}

export function retryNotification(app: App, caller: Caller, id: string, now: Date): Promise<{ id: string; state: 'pending' }> {
  return app.db.rpc('retry_notification', { p_id: id, p_now: now }, caller);
}
