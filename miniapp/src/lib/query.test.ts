import { buildQueryString, readParam, withQuery } from './query';

describe('buildQueryString', () => {
  it('encodes keys and values and keeps insertion order', () => {
    expect(buildQueryString({ q: '低保 申请', limit: 20 })).toBe(
      'q=%E4%BD%8E%E4%BF%9D%20%E7%94%B3%E8%AF%B7&limit=20',
    );
  });

  it('skips empty values but keeps 0 and false', () => {
    expect(
      buildQueryString({ a: undefined, b: null, c: '', d: '   ', offset: 0, flag: false }),
    ).toBe('offset=0&flag=false');
  });

  it('trims string values', () => {
    expect(buildQueryString({ q: '  医保 ' })).toBe('q=%E5%8C%BB%E4%BF%9D');
  });

  it('escapes reserved characters', () => {
    expect(buildQueryString({ q: 'a&b=c?' })).toBe('q=a%26b%3Dc%3F');
  });
});

describe('withQuery', () => {
  it('returns the bare path when nothing is set', () => {
    expect(withQuery('/api/items', { q: '' })).toBe('/api/items');
  });

  it('adds "?" or "&" as needed', () => {
    expect(withQuery('/api/items', { limit: 20 })).toBe('/api/items?limit=20');
    expect(withQuery('/x?a=1', { b: 2 })).toBe('/x?a=1&b=2');
  });
});

describe('readParam', () => {
  it('decodes percent-encoded values (weapp)', () => {
    expect(readParam({ q: '%E4%BD%8E%E4%BF%9D' }, 'q')).toBe('低保');
  });

  it('leaves decoded values alone (H5)', () => {
    expect(readParam({ q: '低保' }, 'q')).toBe('低保');
  });

  it('keeps a malformed percent sequence as typed', () => {
    expect(readParam({ q: '100%' }, 'q')).toBe('100%');
  });

  it('returns "" for a missing key', () => {
    expect(readParam({}, 'id')).toBe('');
  });
});
