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

describe('safeBack to a subpackage page', () => {
  it('returns to the manage subpackage, not to look-alikes', () => {
    expect(safeBack('/manage/pages/center/index?id=1')).toBe('/manage/pages/center/index?id=1');
    expect(safeBack('/other/pages/center/index')).toBe('');
    expect(safeBack('https://evil.example/manage/pages/center/index')).toBe('');
  });
});
