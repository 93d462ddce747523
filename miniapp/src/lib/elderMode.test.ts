import {
  clampFontScale,
  pageClassName,
  pageStyle,
  parseStoredElderMode,
  resolveElderMode,
  storedElderMode,
} from './elderMode';

describe('clampFontScale', () => {
  it("follows WeChat's font scale between 1 and 1.4", () => {
    expect(clampFontScale(1)).toBe(1);
    expect(clampFontScale(1.235)).toBe(1.24);
    expect(clampFontScale(2)).toBe(1.4);
  });

  it('never shrinks below our sizes and ignores nonsense', () => {
    expect(clampFontScale(0.94)).toBe(1);
    expect(clampFontScale(undefined)).toBe(1);
    expect(clampFontScale('1.3')).toBe(1);
    expect(clampFontScale(Number.NaN)).toBe(1);
  });
});

describe('elder mode choice', () => {
  it('reads the stored choice', () => {
    expect(parseStoredElderMode(storedElderMode(true))).toBe(true);
    expect(parseStoredElderMode(storedElderMode(false))).toBe(false);
    expect(parseStoredElderMode('')).toBeNull();
    expect(parseStoredElderMode({ on: 'yes' })).toBeNull();
  });

  it("lets the person's choice win over the font setting", () => {
    expect(resolveElderMode(false, 1.4)).toBe(false);
    expect(resolveElderMode(true, 1)).toBe(true);
  });

  it('starts in elder mode with a large WeChat font when never chosen', () => {
    expect(resolveElderMode(null, 1)).toBe(false);
    expect(resolveElderMode(null, 1.24)).toBe(true);
  });
});

describe('page root', () => {
  it('adds the page and elder classes once', () => {
    expect(pageClassName('home', false)).toBe('page home');
    expect(pageClassName('page  item ', true)).toBe('page item elder');
    expect(pageClassName('', true)).toBe('page elder');
  });

  it('sets the font scale variable', () => {
    expect(pageStyle(1.3)).toEqual({ '--font-scale': '1.3' });
    expect(pageStyle(9)).toEqual({ '--font-scale': '1.4' });
  });
});
