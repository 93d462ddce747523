// Notifications over HTTP: the caller's inbox (消息) and channel settings, the county admin's
// delivery view with a retry, and the dispatcher for the scheduler.
import { z } from 'zod';
import {
  deliveryReport as deliveryReportSchema,
  dispatchRun,
  notificationPage,
  notificationSettings,
  retriedNotification,
  subscriptions,
  unreadCount,
  updateNotificationSettingsBody,
} from '../contract/notifications';
import { recordSubscriptions, reminderBody } from '../booking/reminders';
import { headerValue, jsonBody, optionalIdempotencyKey, queryObject, requireLogin, uuidParam, validate } from '../http/handler';
import { type Operation, operation, optionalKeyParameter } from '../http/operation';
import { authorise } from '../system/system-routes';
import { deliveryReport, getSettings, listInbox, markRead, retryNotification, saveSettings, unreadCount as countUnread } from './notification-service';
import { runDispatch } from './notifier';

const inboxQuery = z.object({
  before: z.string().min(1).max(200).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
const reportQuery = z.object({ days: z.coerce.number().int().min(1).max(90).default(7) });
const noStore = { 'Cache-Control': 'no-store' };
const noStoreHeader = { 'Cache-Control': { schema: { const: 'no-store' } } };

export const notificationOperations: Operation[] = [
  operation({
    method: 'get',
    path: '/api/notifications',
    operationId: 'listNotifications',
    tags: ['notifications'],
    summary: 'My inbox · 消息',
    description:
      "Every notification of the caller, newest first: what happened to their bookings and cases (and, for staff, new bookings waiting; for managers, bad ratings and overdue follow-ups). The inbox always has every notification, whether or not WeChat or SMS reached the person. A reminder appears once it is due. `next` pages to older ones.",
    auth: 'required',
    query: { schema: inboxQuery, describe: { before: 'the `next` of the previous page', limit: 'page size, 1–50 (20)' } },
    ok: { status: 200, description: 'one page of the inbox and the unread count', schema: notificationPage, headers: noStoreHeader },
    errors: { PASSWORD_CHANGE_REQUIRED: null },
    handle: async (ctx) => {
      const caller = requireLogin(ctx);
      return { body: await listInbox(ctx.app, caller, validate(inboxQuery, queryObject(ctx.req)), ctx.now), headers: noStore };
    },
  }),
  operation({
    method: 'get',
    path: '/api/notifications/unread',
    operationId: 'countUnreadNotifications',
    tags: ['notifications'],
    summary: 'Unread count · 未读消息数',
    description: 'How many due notifications of the caller are unread (the badge on the home page and the staff workbench).',
    auth: 'required',
    ok: { status: 200, description: 'the count', schema: unreadCount, headers: noStoreHeader },
    errors: { PASSWORD_CHANGE_REQUIRED: null },
    handle: async (ctx) => ({ body: await countUnread(ctx.app, requireLogin(ctx), ctx.now), headers: noStore }),
  }),
  operation({
    method: 'post',
    path: '/api/notifications/{id}/read',
    operationId: 'readNotification',
    tags: ['notifications'],
    summary: 'Mark one read · 标为已读',
    description: 'Marks one of the caller\'s notifications read (again: no change) and answers the unread count.',
    auth: 'required',
    pathId: 'the notification',
    ok: { status: 200, description: 'the unread count after', schema: unreadCount },
    errors: { PASSWORD_CHANGE_REQUIRED: null, NOTIFICATION_NOT_FOUND: "not one of the caller's notifications" },
    handle: async (ctx) => {
      const caller = requireLogin(ctx);
      return { body: await markRead(ctx.app, caller, uuidParam(ctx.req), ctx.now) };
    },
  }),
  operation({
    method: 'post',
    path: '/api/notifications/read-all',
    operationId: 'readAllNotifications',
    tags: ['notifications'],
    summary: 'Mark all read · 全部已读',
    description: "Marks every due notification of the caller read.",
    auth: 'required',
    ok: { status: 200, description: 'the unread count after (0)', schema: unreadCount },
    errors: { PASSWORD_CHANGE_REQUIRED: null },
    handle: async (ctx) => ({ body: await markRead(ctx.app, requireLogin(ctx), null, ctx.now) }),
  }),
  operation({
    method: 'get',
    path: '/api/me/notification-settings',
    operationId: 'getNotificationSettings',
    tags: ['notifications'],
    summary: 'My notification channels · 通知方式',
    description:
      "The caller's choices (WeChat, SMS, quiet hours 22:00–07:00 Shanghai except for same-day changes), whether each channel can reach them now and why not, one sentence saying which will, and the WeChat subscribe-message templates the mini-program asks for at the booking confirmation (at most 3).",
    auth: 'required',
    ok: { status: 200, description: 'the settings', schema: notificationSettings, headers: noStoreHeader },
    errors: { PASSWORD_CHANGE_REQUIRED: null },
    handle: async (ctx) => ({ body: await getSettings(ctx.app, requireLogin(ctx)), headers: noStore }),
  }),
  operation({
    method: 'put',
    path: '/api/me/notification-settings',
    operationId: 'updateNotificationSettings',
    tags: ['notifications'],
    summary: 'Change my notification channels · 修改通知方式',
    description: 'Changes the given choices (the others stay). The inbox always receives everything; it cannot be turned off.',
    auth: 'required',
    body: { schema: updateNotificationSettingsBody, name: 'UpdateNotificationSettingsRequest', required: true },
    ok: { status: 200, description: 'the settings after', schema: notificationSettings },
    errors: { PASSWORD_CHANGE_REQUIRED: null },
    handle: async (ctx) => {
      const caller = requireLogin(ctx);
      const body = validate(updateNotificationSettingsBody, jsonBody(ctx.req));
      return { body: await saveSettings(ctx.app, caller, body, ctx.now) };
    },
  }),
  operation({
    method: 'post',
    path: '/api/me/subscriptions',
    operationId: 'recordSubscriptions',
    tags: ['notifications'],
    summary: 'WeChat notifications I allowed · 允许微信通知',
    description: [
      "After `wx.requestSubscribeMessage` from a tap on the notification settings page (residents: the templates of `GET /api/me/notification-settings`; staff: the staff template), the mini-program reports which templates it asked for and which the caller accepted. Each accept allows WeChat to deliver one message to the caller later, whatever booking it is about; accepts given at a booking's confirmation are recorded with `POST /api/bookings/{id}/reminders`.",
      'An Idempotency-Key is optional: with one, a retry answers the first result and records nothing again.',
    ].join('\n\n'),
    auth: 'required',
    extraParameters: [optionalKeyParameter('optional: a fresh random key per tap, reused on retries')],
    body: { schema: reminderBody, name: 'SubscriptionsRequest', required: true },
    ok: { status: 200, description: "the caller's unused accepts", schema: subscriptions },
    errors: {
      PASSWORD_CHANGE_REQUIRED: null,
      IDEMPOTENCY_KEY_REQUIRED: 'an Idempotency-Key header was sent but is not 8–100 characters of A–Z a–z 0–9 _ -',
      IDEMPOTENCY_KEY_REUSED: null,
    },
    handle: async (ctx) => {
      const caller = requireLogin(ctx);
      const key = optionalIdempotencyKey(ctx.req);
      const body = validate(reminderBody, jsonBody(ctx.req));
      return { body: await recordSubscriptions(ctx.app, caller, body, ctx.now, key) };
    },
  }),
  operation({
    method: 'get',
    path: '/api/admin/notifications',
    operationId: 'getDeliveryReport',
    tags: ['admin'],
    summary: 'County admin: delivery · 通知送达',
    description:
      "For the county admin: per channel over the last `days`, the sends attempted, sent, failed and of unknown outcome and the delivery rate; the states of the county's notifications created in that time; and the newest 50 dead letters (no channel delivered them; the inbox still has them), each with what was tried and the provider's last error code.",
    auth: 'required',
    query: { schema: reportQuery, describe: { days: 'how many days back, 1–90 (7)' } },
    ok: { status: 200, description: 'the report', schema: deliveryReportSchema, headers: noStoreHeader },
    errors: { FORBIDDEN: 'not a county admin', PASSWORD_CHANGE_REQUIRED: null },
    handle: async (ctx) => {
      const caller = requireLogin(ctx);
      const { days } = validate(reportQuery, queryObject(ctx.req));
      return { body: await deliveryReport(ctx.app, caller, days, ctx.now), headers: noStore };
    },
  }),
  operation({
    method: 'post',
    path: '/api/admin/notifications/{id}/retry',
    operationId: 'retryNotification',
    tags: ['admin'],
    summary: 'County admin: send again · 重新发送',
    description:
      'Sends a dead letter (or one of unknown outcome) again on every channel, at once. For one of unknown outcome this may give the person a second message: the admin decides. Audited.',
    auth: 'required',
    pathId: 'the notification',
    ok: { status: 200, description: 'queued again', schema: retriedNotification },
    errors: {
      FORBIDDEN: 'not a county admin',
      PASSWORD_CHANGE_REQUIRED: null,
      NOTIFICATION_NOT_FOUND: "no such notification in the admin's county",
      NOTIFICATION_NOT_RETRYABLE: 'already delivered, or no longer true',
    },
    handle: async (ctx) => {
      const caller = requireLogin(ctx);
      return { body: await retryNotification(ctx.app, caller, uuidParam(ctx.req), ctx.now) };
    },
  }),
  operation({
    method: 'get',
    path: '/api/jobs/notifications',
    operationId: 'runNotificationDispatch',
    tags: ['jobs'],
    summary: 'Scheduled job: send notifications · 发送通知',
    description: [
      'For the scheduler (Vercel Cron every 5 minutes, or a crontab line), authorised by `Authorization: Bearer <CRON_SECRET>`. Safe to run repeatedly and in parallel: each notification is claimed by one run.',
      'Sends what is due (changes, reminders the day before at 18:00 and two hours before, overdue follow-ups), WeChat first where the person accepted a subscribe message, else SMS, else the inbox alone; retries failures with backoff; marks unknown what a stopped run left mid-send. Runs up to about 20 seconds.',
    ].join('\n\n'),
    auth: 'cron',
    ok: { status: 200, description: 'what the run did', schema: dispatchRun, headers: noStoreHeader },
    errors: { FORBIDDEN: '`CRON_SECRET` is not set on the server, or the header does not carry it' },
    handle: async ({ req, app }) => {
      authorise(headerValue(req, 'authorization'), app.config.cronSecret);
      return { body: await runDispatch(app), headers: noStore };
    },
  }),
];
