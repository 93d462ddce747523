import type { QueueBoard } from '@contract/queue';
import { postWithLogin } from '@/platform/send';

/** POST /api/queue/undo — my latest action at this window, within 2 minutes. */
export function undoQueue(windowId: string, idempotencyKey: string): Promise<QueueBoard> {
  return postWithLogin<QueueBoard>('/api/queue/undo', { windowId }, idempotencyKey);
}
