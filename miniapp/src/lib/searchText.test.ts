import { normalizeSearchText, toHalfWidth } from './searchText';

describe('normalizeSearchText', () => {
  it('trims and collapses spaces, full-width ones too', () => {
    expect(normalizeSearchText('  低保  ')).toBe('低保');
    expect(normalizeSearchText('养老\u3000\u3000认证')).toBe('养老 认证');
  });

  it('turns Chinese and Western separators into one space', () => {
    expect(normalizeSearchText('养老、认证')).toBe('养老 认证');
    expect(normalizeSearchText('养老，认证,，医保')).toBe('养老 认证 医保');
    expect(normalizeSearchText('《残疾人证》')).toBe('残疾人证');
  });

  it('makes full-width letters and digits half-width', () => {
    expect(toHalfWidth('ＡＢＣ１２３')).toBe('ABC123');
    expect(normalizeSearchText('５１１９２２－ＧＧ')).toBe('511922-GG');
  });

  it('drops question words around the real words', () => {
    expect(normalizeSearchText('低保怎么办理？')).toBe('低保');
    expect(normalizeSearchText('医保需要什么材料')).toBe('医保');
    expect(normalizeSearchText('怎么办')).toBe('怎么办');
  });

  it('returns "" for nothing but separators, and stays within the server limit', () => {
    expect(normalizeSearchText(' 、，  ')).toBe('');
    expect(normalizeSearchText('低'.repeat(80))).toHaveLength(50);
  });
});
