import { appPages, PAGES, parseParams, pathOf, urlOf } from './routes';

describe('routes', () => {
  it('builds page URLs with encoded parameters', () => {
    expect(urlOf('home')).toBe('/pages/index/index');
    expect(urlOf('center', { id: 'c-01' })).toBe('/pages/center/index?id=c-01');
    expect(urlOf('item', { id: 'i 1' })).toBe('/pages/item/index?id=i%201');
  });

  it('leaves out empty catalogue filters', () => {
    expect(urlOf('catalogue')).toBe('/pages/catalogue/index');
    expect(urlOf('catalogue', { q: '低保', category: '', center: 'c-01' })).toBe(
      '/pages/catalogue/index?q=%E4%BD%8E%E4%BF%9D&center=c-01',
    );
  });

  it('writes parameters in the order of the table, whatever order they are given in', () => {
    expect(urlOf('book', { reschedule: 'b1', center: 'c1', item: 'i1' })).toBe('/pages/book/index?item=i1&center=c1&reschedule=b1');
  });

  it('puts subpackage pages under their root', () => {
    expect(pathOf('workToday')).toBe('/work/pages/today/index');
    expect(urlOf('manageCatalogueItem', { id: 'x' })).toBe('/manage/pages/catalogue-item/index?id=x');
  });

  it('writes numbers as digits (0 too) and flags as 1 only when set', () => {
    expect(urlOf('workCase', { ticket: 0 })).toBe('/work/pages/case/index?ticket=0');
    expect(urlOf('workCase', { ticket: 12, booking: 'b 1' })).toBe('/work/pages/case/index?booking=b%201&ticket=12');
    expect(urlOf('login', { privacy: true })).toBe('/pages/login/index?privacy=1');
    expect(urlOf('login', { privacy: false, back: '' })).toBe('/pages/login/index');
    expect(urlOf('center', { id: null })).toBe('/pages/center/index');
  });

  it('reads back what it wrote, as WeChat (still encoded) and H5 (decoded) hand it over', () => {
    const url = urlOf('book', { item: '低保 申请', center: 'c&1', reschedule: 'b=1' });
    const query = url.split('?')[1] ?? '';
    const encoded = Object.fromEntries(query.split('&').map((pair) => pair.split('=') as [string, string]));
    const decoded = Object.fromEntries(Object.entries(encoded).map(([k, v]) => [k, decodeURIComponent(v)]));
    const expected = { item: '低保 申请', center: 'c&1', reschedule: 'b=1' };
    expect(parseParams('book', encoded)).toEqual(expected);
    expect(parseParams('book', decoded)).toEqual(expected);
  });

  it('gives absent text as "", absent or malformed numbers as undefined, and flags as booleans', () => {
    expect(parseParams('booking', {})).toEqual({ id: '', done: '' });
    expect(parseParams('workCase', { id: ' k1 ', ticket: '7' })).toEqual({ id: 'k1', booking: '', ticket: 7 });
    expect(parseParams('workCase', { ticket: 'x' }).ticket).toBeUndefined();
    expect(parseParams('login', { privacy: '1' }).privacy).toBe(true);
    expect(parseParams('login', {}).privacy).toBe(false);
    // keys the page does not declare (frameworks add some) are not read
    expect(parseParams('home', { stamp: '3' })).toEqual({});
  });

  it('gives app.config.ts its page lists: the main package starting at home, then one subpackage per root', () => {
    const { pages, subPackages } = appPages();
    expect(pages[0]).toBe('pages/index/index');
    expect(pages).toHaveLength(10);
    expect(subPackages.map((p) => p.root)).toEqual(['work', 'manage', 'notice']);
    expect(subPackages[0]?.pages).toContain('pages/case/index');
    const all = [...pages.map((p) => `/${p}`), ...subPackages.flatMap((s) => s.pages.map((p) => `/${s.root}/${p}`))];
    expect(all.sort()).toEqual((Object.keys(PAGES) as (keyof typeof PAGES)[]).map(pathOf).sort());
    expect(new Set(all).size).toBe(all.length);
  });
});
