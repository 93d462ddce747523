import type { NotificationSettings } from '@contract/notifications';
import { getWithLogin } from '@/platform/send';

/**
 * GET /api/me/notification-settings — the person's channels, whether each can reach them, and
 * the WeChat templates to ask for at the booking confirmation.
 */
export function fetchNotificationSettings(): Promise<NotificationSettings> {
  return getWithLogin<NotificationSettings>('/api/me/notification-settings');
}
