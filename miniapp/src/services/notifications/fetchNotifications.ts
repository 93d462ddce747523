import type { NotificationPage } from '@contract/notifications';
import { getWithLogin } from '@/platform/send';

/** GET /api/notifications — the inbox (消息), newest first; `before` (a page's `next`) pages back. */
export function fetchNotifications(before?: string | null, limit = 20): Promise<NotificationPage> {
  return getWithLogin<NotificationPage>('/api/notifications', { before: before ?? undefined, limit });
}
