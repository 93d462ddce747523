import {
  addToIndex,
  cacheKeyFor,
  canUseSavedCopy,
  emptyIndex,
  findEntry,
  isCacheablePath,
  parseCacheIndex,
  type CacheEntry,
} from './responseCache';

function entry(url: string, savedAt = 1, chars = 10): CacheEntry {
  return { url, key: cacheKeyFor(url, 'k:'), savedAt, chars };
}

describe('isCacheablePath', () => {
  it('keeps the public catalogue, centre and availability answers', () => {
    for (const path of [
      '/api/centers',
      '/api/centers/3f1c',
      '/api/items?q=低保',
      '/api/items/abc',
      '/api/catalogue/facets',
      '/api/availability?center=a&item=b',
    ]) {
      expect(isCacheablePath(path)).toBe(true);
    }
  });

  it('never keeps personal data or anything else', () => {
    for (const path of ['/api/bookings', '/api/bookings/1', '/api/me', '/api/auth/dev-login', '/api/health', '/api/centers/1/x']) {
      expect(isCacheablePath(path)).toBe(false);
    }
  });
});

describe('canUseSavedCopy', () => {
  it('uses a saved copy when no usable answer came', () => {
    expect(canUseSavedCopy({ code: 'NETWORK', status: null })).toBe(true);
    expect(canUseSavedCopy({ code: 'BAD_RESPONSE', status: 200 })).toBe(true);
    expect(canUseSavedCopy({ code: 'UNAVAILABLE', status: 503 })).toBe(true);
    expect(canUseSavedCopy({ code: 'HTTP_504', status: 504 })).toBe(true);
  });

  it("believes the server's 4xx and 500", () => {
    expect(canUseSavedCopy({ code: 'ITEM_NOT_FOUND', status: 404 })).toBe(false);
    expect(canUseSavedCopy({ code: 'VALIDATION_FAILED', status: 422 })).toBe(false);
    expect(canUseSavedCopy({ code: 'INTERNAL', status: 500 })).toBe(false);
  });
});

describe('cache index', () => {
  it('derives a stable short key per URL', () => {
    expect(cacheKeyFor('/api/items?q=a', 'p:')).toBe(cacheKeyFor('/api/items?q=a', 'p:'));
    expect(cacheKeyFor('/api/items?q=a', 'p:')).not.toBe(cacheKeyFor('/api/items?q=b', 'p:'));
    expect(cacheKeyFor('/api/items', 'p:')).toMatch(/^p:[0-9a-z]+$/);
  });

  it('puts the newest answer first and replaces an older copy of the same URL', () => {
    let index = emptyIndex();
    index = addToIndex(index, entry('/a', 1)).index;
    index = addToIndex(index, entry('/b', 2)).index;
    const change = addToIndex(index, entry('/a', 3));
    expect(change.index.entries.map((e) => [e.url, e.savedAt])).toEqual([
      ['/a', 3],
      ['/b', 2],
    ]);
    expect(change.evicted).toEqual([]);
    expect(findEntry(change.index, '/b')?.savedAt).toBe(2);
  });

  it('keeps at most maxEntries and reports the evicted keys', () => {
    const limits = { maxEntries: 2, maxEntryChars: 100, maxTotalChars: 1000 };
    let index = emptyIndex();
    for (const url of ['/1', '/2', '/3']) index = addToIndex(index, entry(url), limits).index;
    expect(index.entries.map((e) => e.url)).toEqual(['/3', '/2']);
    const change = addToIndex(index, entry('/4'), limits);
    expect(change.evicted).toEqual([cacheKeyFor('/2', 'k:')]);
  });

  it('bounds the total size and refuses a body that is too big', () => {
    const limits = { maxEntries: 10, maxEntryChars: 60, maxTotalChars: 100 };
    let index = emptyIndex();
    index = addToIndex(index, entry('/1', 1, 50), limits).index;
    index = addToIndex(index, entry('/2', 2, 40), limits).index;
    const change = addToIndex(index, entry('/3', 3, 30), limits);
    expect(change.index.entries.map((e) => e.url)).toEqual(['/3', '/2']);
    expect(change.evicted).toEqual([cacheKeyFor('/1', 'k:')]);
    const tooBig = addToIndex(index, entry('/big', 4, 61), limits);
    expect(tooBig.stored).toBe(false);
    expect(tooBig.index).toBe(index);
  });

  it('reads only well-formed stored indexes', () => {
    const index = addToIndex(emptyIndex(), entry('/a')).index;
    expect(parseCacheIndex(JSON.parse(JSON.stringify(index)))).toEqual(index);
    expect(parseCacheIndex({ v: 1, entries: [{ url: 1 }, entry('/b')] }).entries).toHaveLength(1);
    expect(parseCacheIndex('x')).toEqual(emptyIndex());
    expect(parseCacheIndex({ v: 9, entries: [] })).toEqual(emptyIndex());
  });
});
