import type { Availability } from '@contract/booking';
import { getJson } from '@/platform/request';

/** GET /api/availability — days and slots of one centre for one item (no login needed). */
export async function fetchAvailability(q: { centerId: string; itemId: string; from: string; to: string }): Promise<Availability> {
  const availability = await getJson<Availability>('/api/availability', {
    center: q.centerId,
    item: q.itemId,
    from: q.from,
    to: q.to,
  });
  return { ...availability, days: Array.isArray(availability.days) ? availability.days : [] };
}
