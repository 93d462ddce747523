// The nearest centre to where the person is. Used only when the centres carry coordinates
// and only after the person taps "找离我最近的中心"; the position stays on the phone.

export interface Position {
  latitude: number;
  longitude: number;
}

export interface Located {
  latitude?: number | null;
  longitude?: number | null;
}

const EARTH_RADIUS_KM = 6371;

function radians(degrees: number): number {
  return (degrees * Math.PI) / 180;
}

/** Great-circle distance in km (haversine). */
export function distanceKm(a: Position, b: Position): number {
  const dLat = radians(b.latitude - a.latitude);
  const dLon = radians(b.longitude - a.longitude);
  const h =
    Math.sin(dLat / 2) ** 2 + Math.cos(radians(a.latitude)) * Math.cos(radians(b.latitude)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

function positionOf(c: Located): Position | null {
  const { latitude, longitude } = c;
  if (typeof latitude !== 'number' || typeof longitude !== 'number') return null;
  if (!Number.isFinite(latitude) || !Number.isFinite(longitude)) return null;
  if (Math.abs(latitude) > 90 || Math.abs(longitude) > 180) return null;
  return { latitude, longitude };
}

/** True when at least one centre has coordinates (so asking for the location makes sense). */
export function hasCoordinates(centers: readonly Located[]): boolean {
  return centers.some((c) => positionOf(c) !== null);
}

/** The closest centre with coordinates and its distance, or null. */
export function nearestCenter<T extends Located>(centers: readonly T[], here: Position): { center: T; km: number } | null {
  let best: { center: T; km: number } | null = null;
  for (const center of centers) {
    const position = positionOf(center);
    if (!position) continue;
    const km = distanceKm(here, position);
    if (!best || km < best.km) best = { center, km };
  }
  return best;
}

/** "约3.2公里" / "约800米". */
export function distanceText(km: number): string {
  if (km < 1) return `约${Math.max(100, Math.round((km * 1000) / 100) * 100)}米`;
  return `约${km < 10 ? km.toFixed(1) : Math.round(km)}公里`;
}
