import { postWithLogin } from '@/platform/send';

/** POST /api/tickets — 现场取号 (a retry with the same key answers the same number). */
export function issueTicket(idempotencyKey: string): Promise<{ number: number; serviceDate: string }> {
  return postWithLogin('/api/tickets', {}, idempotencyKey);
}
