import type { QueueBoard, QueueTicket, TicketAction } from '@contract/queue';
import { postWithLogin } from '@/platform/send';

/** POST /api/tickets/{id}/{recall|serve|finish|missed|requeue} */
export function ticketAction(ticketId: string, action: TicketAction, idempotencyKey: string): Promise<QueueBoard & { ticket: QueueTicket }> {
  return postWithLogin(`/api/tickets/${encodeURIComponent(ticketId)}/${action}`, {}, idempotencyKey);
}
