import type { Availability, AvailabilityDay } from '@contract/booking';
import { mapFetched } from '@/lib/fetched';
import { getJsonOrSaved, type Fetched } from '@/platform/request';

/**
 * GET /api/availability for one day — how full one centre is for one item that day (the home
 * screen's "今天不忙"); the saved copy when offline. null when the day is not in the answer.
 */
export async function fetchDayAvailability(q: { centerId: string; itemId: string; date: string }): Promise<Fetched<AvailabilityDay | null>> {
  const fetched = await getJsonOrSaved<Availability>('/api/availability', {
    center: q.centerId,
    item: q.itemId,
    from: q.date,
    to: q.date,
  });
  return mapFetched(fetched, (a) => (Array.isArray(a.days) ? a.days.find((d) => d.date === q.date) ?? null : null));
}
