// 好差评 for managers and county admins (manage subpackage).
import type { RatingList, Rectification } from '@contract/cases';
import { getWithLogin, postWithLogin } from '@/platform/send';

export function fetchRatings(query: { center?: string; bad?: boolean; offset?: number } = {}): Promise<RatingList> {
  return getWithLogin('/api/manage/ratings', { center: query.center, bad: query.bad ? 'true' : undefined, offset: query.offset, limit: 20 });
}

/** Closing is repeatable with the same words (no Idempotency-Key needed). */
export function closeFollowUp(id: string, resolution: string): Promise<Rectification> {
  return postWithLogin(`/api/manage/rectifications/${encodeURIComponent(id)}/close`, { resolution });
}
