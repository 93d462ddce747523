import type { UnreadCount } from '@contract/notifications';
import { postWithLogin } from '@/platform/send';

/** POST /api/notifications/{id}/read — repeatable by nature (no Idempotency-Key); answers the new count. */
export function markRead(id: string): Promise<UnreadCount> {
  return postWithLogin<UnreadCount>(`/api/notifications/${encodeURIComponent(id)}/read`, {});
}
