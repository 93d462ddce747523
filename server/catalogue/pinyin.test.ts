import { searchPinyin, termPinyin } from './pinyin';

describe('searchPinyin', () => {
  it('writes full pinyin and initials per phrase', () => {
    expect(searchPinyin(['最低生活保障申请', '低保 低保户'])).toBe('zuidishenghuobaozhangshenqing zdshbzsq dibao db dibaohu dbh');
  });
  it('ignores phrases without Chinese and punctuation', () => {
    expect(searchPinyin(['ABC-12', '医保、社保卡'])).toBe('yibao yb shebaoka sbk');
  });
  it('writes ü as v, as phones type it', () => {
    expect(searchPinyin(['旅游'])).toBe('lvyou ly');
  });
});

describe('termPinyin', () => {
  it('takes typed pinyin as it is', () => {
    expect(termPinyin('DiBao')).toEqual({ kind: 'latin', pinyin: 'dibao' });
  });
  it('turns Chinese into pinyin so homophones match', () => {
    expect(termPinyin('低包')).toEqual({ kind: 'han', pinyin: 'dibao' });
  });
  it('ignores codes, digits and single letters', () => {
    expect(termPinyin('MZ-001')).toBeNull();
    expect(termPinyin('a')).toBeNull();
    expect(termPinyin('2026')).toBeNull();
  });
});
