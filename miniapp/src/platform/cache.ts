// Saved copies of public API answers, for when the network fails (see lib/responseCache.ts for
// what may be saved and the limits). Bodies live under their own keys, the index under one.
import {
  addToIndex,
  cacheKeyFor,
  DEFAULT_CACHE_LIMITS,
  findEntry,
  parseCacheIndex,
  type CacheIndex,
} from '@/lib/responseCache';
import { readStored, removeStored, storedKeys, writeStored } from './storage';

const INDEX_KEY = 'saved-index';
const BODY_PREFIX = 'saved:';

function readIndex(): CacheIndex {
  return parseCacheIndex(readStored(INDEX_KEY));
}

/** Saves the answer to `url` (path + query), evicting the oldest beyond the limits. */
export function saveResponse(url: string, data: unknown, now: number): void {
  let json: string;
  try {
    json = JSON.stringify(data);
  } catch {
    return;
  }
  const key = cacheKeyFor(url, BODY_PREFIX);
  const change = addToIndex(readIndex(), { url, key, savedAt: now, chars: json.length }, DEFAULT_CACHE_LIMITS);
  if (!change.stored) return;
  for (const evicted of change.evicted) removeStored(evicted);
  if (!writeStored(key, { url, data })) return;
  writeStored(INDEX_KEY, change.index);
}

/** The saved answer to `url` and when it was saved, or null. */
export function readSavedResponse<T>(url: string): { data: T; savedAt: number } | null {
  const entry = findEntry(readIndex(), url);
  if (!entry) return null;
  const body = readStored(entry.key) as { url?: unknown; data?: unknown } | undefined;
  if (!body || body.url !== url || body.data === undefined) return null;
  return { data: body.data as T, savedAt: entry.savedAt };
}

/** Forgets every saved answer. */
export function clearSavedResponses(): void {
  for (const key of storedKeys()) {
    if (key === INDEX_KEY || key.startsWith(BODY_PREFIX)) removeStored(key);
  }
  removeStored(INDEX_KEY);
}
