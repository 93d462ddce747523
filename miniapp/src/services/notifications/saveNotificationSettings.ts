import type { NotificationSettings, UpdateNotificationSettings } from '@contract/notifications';
import { sendJson } from '@/platform/send';

/** PUT /api/me/notification-settings — only the switches given change; answers the settings as they are now. */
export function saveNotificationSettings(change: UpdateNotificationSettings): Promise<NotificationSettings> {
  return sendJson<NotificationSettings>('PUT', '/api/me/notification-settings', { body: change });
}
