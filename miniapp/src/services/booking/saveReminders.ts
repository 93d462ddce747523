import { ApiError } from '@/lib/apiError';
import { postWithLogin } from '@/platform/send';

/**
 * POST /api/bookings/{id}/reminders — the templates asked for in one wx.requestSubscribeMessage
 * and those the person accepted (each accept allows one message later). Resolves false when the
 * server does not have the endpoint (404 NOT_FOUND, an older server): WeChat kept the accepts.
 */
export async function saveReminders(
  id: string,
  consent: { templateIds: readonly string[]; accepted: readonly string[] },
  idempotencyKey: string,
): Promise<boolean> {
  try {
    await postWithLogin<unknown>(
      `/api/bookings/${encodeURIComponent(id)}/reminders`,
      { templateIds: [...consent.templateIds], accepted: [...consent.accepted] },
      idempotencyKey,
    );
    return true;
  } catch (error) {
    if (error instanceof ApiError && error.status === 404 && error.code === 'NOT_FOUND') return false;
    throw error;
  }
}
