import { fresh, mapFetched, olderSavedAt } from './fetched';

describe('fetched', () => {
  it('keeps savedAt through a transform', () => {
    expect(mapFetched({ data: { centers: [1] }, savedAt: 5 }, (d) => d.centers)).toEqual({ data: [1], savedAt: 5 });
    expect(mapFetched(fresh(2), (n) => n * 2)).toEqual({ data: 4, savedAt: null });
  });

  it('picks the older saved copy', () => {
    expect(olderSavedAt(null, null)).toBeNull();
    expect(olderSavedAt(10, null)).toBe(10);
    expect(olderSavedAt(null, 7)).toBe(7);
    expect(olderSavedAt(10, 7)).toBe(7);
  });
});
