// Which API answers may be kept on the phone for offline use, and the bounded index of those
// kept. Only the public catalogue, centre and availability GETs: never anything with personal
// data (bookings, the account), which may not outlive a logout on a shared phone.
import type { ApiError } from './apiError';

const CACHEABLE_PATHS: readonly RegExp[] = [
  /^\/api\/centers$/,
  /^\/api\/centers\/[^/]+$/,
  /^\/api\/items$/,
  /^\/api\/items\/[^/]+$/,
  /^\/api\/catalogue\/facets$/,
  /^\/api\/availability$/,
];

/** May the answer to this path (without query) be saved on the phone? */
export function isCacheablePath(path: string): boolean {
  const bare = path.split('?')[0] ?? '';
  return CACHEABLE_PATHS.some((re) => re.test(bare));
}

/**
 * Errors where a saved copy is better than nothing: no answer at all, a captive Wi-Fi page
 * instead of JSON, a gateway that gave up, the database unreachable. Never a 4xx: the server
 * answered, and its answer ("not found") is the truth.
 */
export function canUseSavedCopy(error: Pick<ApiError, 'code' | 'status'>): boolean {
  if (error.code === 'NETWORK' || error.code === 'BAD_RESPONSE' || error.code === 'UNAVAILABLE') return true;
  return error.status === 502 || error.status === 503 || error.status === 504;
}

export interface CacheLimits {
  /** answers kept */
  maxEntries: number;
  /** characters of JSON per answer; bigger ones are not kept */
  maxEntryChars: number;
  /** characters of JSON in all (WeChat allows 10 MB of storage per mini-program) */
  maxTotalChars: number;
}

export const DEFAULT_CACHE_LIMITS: CacheLimits = {
  maxEntries: 50,
  maxEntryChars: 256 * 1024,
  maxTotalChars: 2 * 1024 * 1024,
};

export interface CacheEntry {
  /** the request path with its query: what the entry answers */
  url: string;
  /** the storage key holding the body */
  key: string;
  /** when it was saved (ms) */
  savedAt: number;
  /** JSON length of the body */
  chars: number;
}

/** Newest first. */
export interface CacheIndex {
  v: 1;
  entries: CacheEntry[];
}

export function emptyIndex(): CacheIndex {
  return { v: 1, entries: [] };
}

export function parseCacheIndex(raw: unknown): CacheIndex {
  if (typeof raw !== 'object' || raw === null || (raw as { v?: unknown }).v !== 1) return emptyIndex();
  const entries = (raw as { entries?: unknown }).entries;
  if (!Array.isArray(entries)) return emptyIndex();
  return {
    v: 1,
    entries: entries.filter(
      (e): e is CacheEntry =>
        typeof e === 'object' &&
        e !== null &&
        typeof (e as CacheEntry).url === 'string' &&
        typeof (e as CacheEntry).key === 'string' &&
        typeof (e as CacheEntry).savedAt === 'number' &&
        typeof (e as CacheEntry).chars === 'number',
    ),
  };
}

/** A short, stable storage key for a URL (FNV-1a); the entry keeps the URL to rule out collisions. */
export function cacheKeyFor(url: string, prefix: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < url.length; i += 1) {
    hash ^= url.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `${prefix}${hash.toString(36)}`;
}

export interface IndexChange {
  index: CacheIndex;
  /** storage keys whose bodies must be removed */
  evicted: string[];
  /** false when the body is too big to keep (nothing else changes) */
  stored: boolean;
}

/**
 * Puts an answer at the front of the index (replacing an older copy of the same URL) and drops
 * the oldest entries beyond the limits.
 */
export function addToIndex(index: CacheIndex, entry: CacheEntry, limits: CacheLimits = DEFAULT_CACHE_LIMITS): IndexChange {
  if (entry.chars > limits.maxEntryChars) return { index, evicted: [], stored: false };
  const others = index.entries.filter((e) => e.url !== entry.url && e.key !== entry.key);
  const replaced = index.entries.filter((e) => (e.url === entry.url || e.key === entry.key) && e.key !== entry.key);
  const kept: CacheEntry[] = [entry];
  const evicted = replaced.map((e) => e.key);
  let total = entry.chars;
  for (const e of others) {
    if (kept.length < limits.maxEntries && total + e.chars <= limits.maxTotalChars) {
      kept.push(e);
      total += e.chars;
    } else {
      evicted.push(e.key);
    }
  }
  return { index: { v: 1, entries: kept }, evicted, stored: true };
}

/** The entry saved for this URL, if any. */
export function findEntry(index: CacheIndex, url: string): CacheEntry | undefined {
  return index.entries.find((e) => e.url === url);
}
