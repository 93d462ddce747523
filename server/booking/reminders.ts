// Subscribe-message consents for booking reminders. The mini-program asks with
// wx.requestSubscribeMessage at the resident's tap (≤ 3 templates) and reports which ones were
// accepted; each accept allows one message later (sent by the notifications job to the user's
// openid).
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { App } from '../app';
import type { ReminderConsents } from '../contract/booking';
import type { Subscriptions } from '../contract/notifications';
import type { Caller } from '../db/database';

const templateId = z.string().trim().regex(/^[A-Za-z0-9_-]{1,128}$/, '订阅消息模板编号格式不对');
const unique = (ids: string[]) => new Set(ids).size === ids.length;

export const reminderBody = z
  .object({
    templateIds: z
      .array(templateId)
      .min(1)
      .max(3)
      .refine(unique, '模板编号重复')
      .describe('the template ids asked for in one wx.requestSubscribeMessage call (1–3)'),
    accepted: z
      .array(templateId)
      .max(3)
      .refine(unique, '模板编号重复')
      .describe("those the resident accepted (result 'accept'); a subset of templateIds, may be empty"),
  })
  .strict()
  .refine((b) => b.accepted.every((id) => b.templateIds.includes(id)), { message: '只能包含本次请求的模板', path: ['accepted'] });

export type { ReminderConsents };

/** Record the accepts; with an Idempotency-Key a retry answers the first result and records nothing. */
export function recordReminderConsent(
  app: App,
  caller: Caller,
  bookingId: string,
  body: z.infer<typeof reminderBody>,
  now: Date,
  key?: string,
): Promise<ReminderConsents> {
  const hash = createHash('sha256').update(JSON.stringify({ bookingId, templateIds: body.templateIds, accepted: body.accepted })).digest('hex');
  return app.db.rpc<ReminderConsents>(
    'record_reminder_consent',
    { p_booking: bookingId, p_template_ids: body.templateIds, p_accepted: body.accepted, p_now: now, p_idempotency_key: key ?? null, p_request_hash: hash },
    caller,
  );
}

/** Accepts given outside a booking (the notification settings page, staff): the caller's alone. */
export function recordSubscriptions(
  app: App,
  caller: Caller,
  body: z.infer<typeof reminderBody>,
  now: Date,
  key?: string,
): Promise<Subscriptions> {
  const hash = createHash('sha256').update(JSON.stringify({ templateIds: body.templateIds, accepted: body.accepted })).digest('hex');
  return app.db.rpc<Subscriptions>(
    'record_subscriptions',
    { p_template_ids: body.templateIds, p_accepted: body.accepted, p_now: now, p_idempotency_key: key ?? null, p_request_hash: hash },
    caller,
  );
}
