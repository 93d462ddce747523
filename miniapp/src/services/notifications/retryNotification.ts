import { postWithLogin } from '@/platform/send';

/** POST /api/admin/notifications/{id}/retry — sends a dead letter again (county admin). */
export function retryNotification(id: string): Promise<{ id: string; state: 'pending' }> {
  return postWithLogin<{ id: string; state: 'pending' }>(`/api/admin/notifications/${encodeURIComponent(id)}/retry`, {});
}
