import type { Subscriptions } from '@contract/notifications';
import { postWithLogin } from '@/platform/send';

/**
 * POST /api/me/subscriptions — the templates asked for in one wx.requestSubscribeMessage outside
 * a booking (the 通知方式 page) and those accepted; each accept allows one WeChat message later.
 */
export function saveSubscriptions(consent: { templateIds: readonly string[]; accepted: readonly string[] }, idempotencyKey: string): Promise<Subscriptions> {
  return postWithLogin<Subscriptions>('/api/me/subscriptions', { templateIds: [...consent.templateIds], accepted: [...consent.accepted] }, idempotencyKey);
}
