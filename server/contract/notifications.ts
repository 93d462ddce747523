// JSON shapes of notifications (件件有回音): the in-app inbox (消息), a person's channel
// settings, the county admin's delivery view and the dispatcher's run report. Declared once as
// zod schemas; the operations answer with them, OpenAPI is generated from them, the mini-program
// imports the inferred types.
import { z } from 'zod';
import { centerRef } from './catalogue';
import { instant, named, uuid } from './registry';

/** Every kind of notification; the texts and channel templates of each live in server/notifications/templates.ts. */
export const NOTIFICATION_KINDS = [
  // to the resident (and, from the family issue on, to whoever acts for them)
  'booking_booked',
  'booking_confirmed',
  'booking_declined',
  'booking_rescheduled',
  'booking_cancelled_by_center',
  'reminder_day_before',
  'reminder_two_hours',
  'booking_checked_in',
  'ticket_called',
  'case_accepted',
  'case_needs_supplement',
  'case_forwarded',
  'case_completed',
  'case_rejected',
  'restriction_started',
  'rectification_closed',
  // to the centre's staff
  'staff_booking_waiting',
  // to the centre's manager
  'manager_bad_rating',
  'manager_follow_up_overdue',
] as const;
export const notificationKind = z.enum(NOTIFICATION_KINDS);
export type NotificationKind = z.infer<typeof notificationKind>;

/** The message templates (WeChat subscribe messages, SMS) a kind goes out with. */
export const TEMPLATE_KEYS = ['booking_status', 'reminder', 'case_progress', 'staff_task'] as const;
export type TemplateKey = (typeof TEMPLATE_KEYS)[number];

export const CHANNELS = ['wechat', 'sms', 'inbox'] as const;
export const channel = z.enum(CHANNELS).meta({ description: 'wechat: 订阅消息; sms: 短信; inbox: only the in-app 消息' });
export type Channel = z.infer<typeof channel>;

export const notificationItem = named(
  'NotificationItem',
  z.object({
    id: uuid,
    kind: notificationKind,
    title: z.string().meta({ description: 'one short line, e.g. 预约已确认' }),
    body: z.string().meta({ description: 'plain Chinese: what happened and what to do' }),
    at: instant.meta({ description: 'when it happened (a reminder: when it became due)' }),
    read: z.boolean(),
    bookingId: uuid.nullable(),
    caseId: uuid.nullable(),
    link: z.string().nullable().meta({ description: 'the mini-program page to open, e.g. /pages/booking/detail?id=…' }),
    deliveredBy: channel.nullable().meta({ description: 'the channel that reached the person besides the inbox; null while it is still being sent' }),
  }),
  'one message in the in-app inbox (消息)',
);
export type NotificationItem = z.infer<typeof notificationItem>;

export const notificationPage = named(
  'NotificationPage',
  z.object({
    items: z.array(notificationItem),
    unread: z.int().min(0),
    next: z.string().nullable().meta({ description: 'give as `before` for the next (older) page; null at the end' }),
  }),
);
export type NotificationPage = z.infer<typeof notificationPage>;

export const unreadCount = named('UnreadCount', z.object({ unread: z.int().min(0) }));
export type UnreadCount = z.infer<typeof unreadCount>;

const reach = z.object({
  ready: z.boolean().meta({ description: 'this channel can reach the person now' }),
  why: z.string().nullable().meta({ description: 'when not ready: why, in plain Chinese' }),
});

export const subscribeTemplate = named(
  'SubscribeTemplate',
  z.object({
    key: z.enum(TEMPLATE_KEYS),
    templateId: z.string(),
    title: z.string().meta({ description: "the template's title as WeChat shows it, e.g. 预约提醒" }),
  }),
  'a WeChat subscribe-message template the mini-program may ask for',
);
export type SubscribeTemplate = z.infer<typeof subscribeTemplate>;

export const notificationSettings = named(
  'NotificationSettings',
  z.object({
    wechat: z.boolean().meta({ description: 'the person wants WeChat subscribe messages' }),
    sms: z.boolean().meta({ description: 'the person wants SMS (短信)' }),
    quietHours: z.boolean().meta({ description: 'hold WeChat and SMS from 22:00 to 07:00 (Shanghai), except for changes on the same day' }),
    reach: z.object({
      wechat: reach.extend({ consentsLeft: z.int().min(0).meta({ description: 'subscribe-message accepts not yet used' }) }),
      sms: reach.extend({ phone: z.string().nullable().meta({ description: 'masked, e.g. 138****5678' }) }),
      summary: z.string().meta({ description: 'one sentence: which channel will reach the person' }),
    }),
    templates: z.array(subscribeTemplate).max(3).meta({ description: 'what to ask for with wx.requestSubscribeMessage at the booking confirmation (at most 3)' }),
    why: z.string().meta({ description: 'one sentence to show before asking' }),
  }),
  "the caller's notification channels, and whether each can reach them",
);
export type NotificationSettings = z.infer<typeof notificationSettings>;

export const subscriptions = named(
  'Subscriptions',
  z.object({
    recorded: z.int().min(0).meta({ description: 'accepts recorded by this request' }),
    pending: z.array(
      z.object({
        templateId: z.string(),
        count: z.int().min(1).meta({ description: 'accepts not used yet: each allows one message' }),
      }),
    ),
  }),
  "the caller's unused subscribe-message accepts, per template",
);
export type Subscriptions = z.infer<typeof subscriptions>;

export const updateNotificationSettingsBody = z
  .object({ wechat: z.boolean().optional(), sms: z.boolean().optional(), quietHours: z.boolean().optional() })
  .strict();
export type UpdateNotificationSettings = z.infer<typeof updateNotificationSettingsBody>;

export const deliveryState = z.enum(['pending', 'sending', 'delivered', 'inbox_only', 'dead', 'unknown', 'obsolete']).meta({
  description:
    'pending: waiting (a reminder not yet due, quiet hours, a retry); sending: with a dispatcher; delivered: a channel accepted it; inbox_only: no channel could reach the person, the inbox has it; dead: every channel tried failed; unknown: the dispatcher stopped mid-send, never resent so nothing is doubled; obsolete: no longer true (a reminder of a cancelled booking)',
});

const channelStat = z.object({
  channel: z.enum(['wechat', 'sms']),
  attempted: z.int().min(0),
  sent: z.int().min(0),
  failed: z.int().min(0),
  unknown: z.int().min(0),
  rate: z.number().min(0).max(1).nullable().meta({ description: 'sent / attempted; null with no attempts' }),
});

export const deadLetter = named(
  'DeadLetter',
  z.object({
    id: uuid,
    kind: notificationKind,
    title: z.string(),
    state: z.enum(['dead', 'unknown']),
    createdAt: instant,
    attempts: z.int().min(0),
    channelsTried: z.array(z.enum(['wechat', 'sms'])),
    lastError: z.string().nullable().meta({ description: "the provider's code, e.g. wechat 43101; never a phone number" }),
    recipient: z.string().meta({ description: 'masked name, e.g. 张*' }),
    center: centerRef.nullable(),
  }),
  'a notification no channel delivered (the inbox still has it)',
);
export type DeadLetter = z.infer<typeof deadLetter>;

export const deliveryReport = named(
  'DeliveryReport',
  z.object({
    days: z.int().min(1),
    channels: z.array(channelStat),
    states: z.record(z.enum(['scheduled', ...deliveryState.options]), z.int().min(0)).meta({
      description: 'notifications created in the period by state; `scheduled` are pending ones not due yet (reminders, quiet hours, retries later)',
    }),
    deadLetters: z.array(deadLetter),
  }),
  "delivery rates per channel and dead letters of the admin's county",
);
export type DeliveryReport = z.infer<typeof deliveryReport>;

export const retriedNotification = named('RetriedNotification', z.object({ id: uuid, state: z.literal('pending') }));

export const dispatchRun = named(
  'DispatchRun',
  z.object({
    claimed: z.int().min(0),
    sent: z.int().min(0).meta({ description: 'accepted by WeChat or the SMS provider' }),
    retrying: z.int().min(0).meta({ description: 'failed for now, tried again later' }),
    fellBack: z.int().min(0).meta({ description: 'failed for good on one channel, handed to the next' }),
    inboxOnly: z.int().min(0),
    deferred: z.int().min(0).meta({ description: 'held for quiet hours' }),
    obsolete: z.int().min(0),
    dead: z.int().min(0),
    recovered: z.int().min(0).meta({ description: 'sends a stopped dispatcher left unfinished, marked unknown' }),
  }),
  "what one dispatcher run did",
);
export type DispatchRun = z.infer<typeof dispatchRun>;
