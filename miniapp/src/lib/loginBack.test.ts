import { safeBack } from './loginBack';

describe('safeBack', () => {
  it('returns to pages of this app only', () => {
    expect(safeBack('/pages/book/index?item=abc&center=c1')).toBe('/pages/book/index?item=abc&center=c1');
    expect(safeBack('/pages/bookings/index')).toBe('/pages/bookings/index');
    expect(safeBack('https://evil.example/pages/book/index')).toBe('');
    expect(safeBack('//evil.example')).toBe('');
    expect(safeBack('')).toBe('');
  });

  it('never returns to the login page', () => {
    expect(safeBack('/pages/login/index?back=x')).toBe('');
  });
});

describe('safeBack into subpackages', () => {
  it('returns to a subpackage page, and to nothing that only looks like one', () => {
    expect(safeBack('/manage/pages/catalogue/import')).toBe('/manage/pages/catalogue/import');
    expect(safeBack('/manage/pages/catalogue/item?id=abc')).toBe('/manage/pages/catalogue/item?id=abc');
    expect(safeBack('/manage/pages/../../x')).toBe('');
    expect(safeBack('//manage/pages/catalogue/index')).toBe('');
  });
});
