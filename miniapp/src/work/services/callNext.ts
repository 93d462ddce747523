import type { CallNextResult } from '@contract/queue';
import { postWithLogin } from '@/platform/send';

/** POST /api/queue/call-next — finishCurrent: 办完了，叫下一位. */
export function callNext(windowId: string, finishCurrent: boolean, idempotencyKey: string): Promise<CallNextResult> {
  return postWithLogin<CallNextResult>('/api/queue/call-next', { windowId, finishCurrent }, idempotencyKey);
}
