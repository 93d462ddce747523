import type { AvailabilityDay } from '@contract/booking';
import type { CenterDetail } from '@contract/catalogue';
import { olderSavedAt, type Fetched } from '@/lib/fetched';
import { fetchCenter } from '@/services/catalogue/fetchCenter';
import { fetchDayAvailability } from '@/services/catalogue/fetchDayAvailability';
import { fetchItems } from '@/services/catalogue/fetchItems';
import { useFetched } from './useFetched';

export interface CenterTodayData {
  center: CenterDetail;
  /** today's availability of the centre's most popular item (how busy; holidays), null when unknown */
  day: AvailabilityDay | null;
}

/**
 * A centre and how its day looks. Availability is per item, so the centre's most popular item
 * stands for the centre (every window of the demo centres serves every item). The busy part is a
 * bonus: when it fails, the centre still shows.
 */
async function loadCenterToday(centerId: string, date: string): Promise<Fetched<CenterTodayData>> {
  const center = await fetchCenter(centerId);
  let day: Fetched<AvailabilityDay | null> = { data: null, savedAt: null };
  try {
    const items = await fetchItems({ center: centerId, limit: 1 });
    const first = items.data.rows[0];
    if (first) day = await fetchDayAvailability({ centerId, itemId: first.id, date });
  } catch {
    // not knowing how busy it is must not hide the centre
  }
  return { data: { center: center.data, day: day.data }, savedAt: olderSavedAt(center.savedAt, day.savedAt) };
}

/** The centre `centerId` today (`date`: Shanghai YYYY-MM-DD); nothing is loaded for ''. */
export function useCenterToday(centerId: string, date: string) {
  return useFetched(
    () => (centerId === '' ? new Promise<never>(() => undefined) : loadCenterToday(centerId, date)),
    [centerId, date],
  );
}
