import type { UnreadCount } from '@contract/notifications';
import { postWithLogin } from '@/platform/send';

/** POST /api/notifications/read-all — 全部已读; answers the new count (0). */
export function markAllRead(): Promise<UnreadCount> {
  return postWithLogin<UnreadCount>('/api/notifications/read-all', {});
}
