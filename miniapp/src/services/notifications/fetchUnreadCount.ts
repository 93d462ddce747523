import type { UnreadCount } from '@contract/notifications';
import { sendJson } from '@/platform/send';

/**
 * GET /api/notifications/unread — how many messages are not read yet. Asked in the background
 * (the badge on 首页 and 工作台): an expired login is forgotten without opening the login page.
 */
export function fetchUnreadCount(): Promise<UnreadCount> {
  return sendJson<UnreadCount>('GET', '/api/notifications/unread', { background: true });
}
