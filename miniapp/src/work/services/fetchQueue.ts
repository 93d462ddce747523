import type { QueueBoard } from '@contract/queue';
import { getWithLogin } from '@/platform/send';

/** GET /api/queue — today's queue seen from my window. */
export function fetchQueue(windowId?: string): Promise<QueueBoard> {
  return getWithLogin<QueueBoard>('/api/queue', { window: windowId });
}
