import { ActionKeys, newIdempotencyKey } from './idempotency';

describe('newIdempotencyKey', () => {
  it('makes keys the API accepts (8–100 of A–Z a–z 0–9 _ -)', () => {
    const key = newIdempotencyKey();
    expect(key).toMatch(/^[A-Za-z0-9_-]{8,100}$/);
    expect(newIdempotencyKey()).not.toBe(key);
  });

  it('is built from the time and the random source', () => {
    expect(newIdempotencyKey(36 ** 3, () => 0)).toBe('bm-1000-AAAAAAAAAAAAAAAA');
  });
});

describe('ActionKeys', () => {
  it('keeps the key while the same request is retried', () => {
    let n = 0;
    const keys = new ActionKeys(() => `key-${++n}`);
    expect(keys.keyFor('book slot 9:30')).toBe('key-1');
    expect(keys.keyFor('book slot 9:30')).toBe('key-1');
  });

  it('makes a new key for a different request, and after success', () => {
    let n = 0;
    const keys = new ActionKeys(() => `key-${++n}`);
    expect(keys.keyFor('book slot 9:30')).toBe('key-1');
    expect(keys.keyFor('book slot 10:00')).toBe('key-2');
    keys.finished();
    expect(keys.keyFor('book slot 10:00')).toBe('key-3');
  });
});
