import { routes } from './routes';

describe('routes', () => {
  it('builds page URLs with encoded parameters', () => {
    expect(routes.home()).toBe('/pages/index/index');
    expect(routes.center('c-01')).toBe('/pages/center/index?id=c-01');
    expect(routes.item('i 1')).toBe('/pages/item/index?id=i%201');
  });

  it('leaves out empty catalogue filters', () => {
    expect(routes.catalogue()).toBe('/pages/catalogue/index');
    expect(routes.catalogue({ q: '低保', category: '', center: 'c-01' })).toBe(
      '/pages/catalogue/index?q=%E4%BD%8E%E4%BF%9D&center=c-01',
    );
  });
});
