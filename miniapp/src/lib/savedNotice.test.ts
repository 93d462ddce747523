import { agoText, savedCopyNotice } from './savedNotice';

const minute = 60_000;

describe('savedCopyNotice', () => {
  it('says how old the copy is in plain words', () => {
    expect(agoText(0, 30_000)).toBe('刚才');
    expect(agoText(0, 5 * minute)).toBe('5分钟前');
    expect(agoText(0, 59 * minute)).toBe('59分钟前');
    expect(agoText(0, 125 * minute)).toBe('2小时前');
    expect(agoText(0, 3 * 24 * 60 * minute)).toBe('3天前');
    expect(agoText(100, 0)).toBe('刚才');
  });

  it('builds the banner and warns about old copies', () => {
    expect(savedCopyNotice(0, 5 * minute)).toBe('网络不好，显示的是5分钟前保存的内容');
    expect(savedCopyNotice(0, 8 * 24 * 60 * minute)).toBe('网络不好，显示的是8天前保存的内容，可能已有变化');
  });
});
