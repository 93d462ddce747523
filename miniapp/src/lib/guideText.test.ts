import {
  feeText,
  maxVisitsText,
  promisedDaysLongText,
  promisedDaysText,
  workingDaysText,
} from './guideText';

describe('time limits', () => {
  it('says 即办 for zero days', () => {
    expect(workingDaysText(0)).toBe('即办');
    expect(promisedDaysText(0)).toBe('即办');
    expect(promisedDaysLongText(0)).toBe('即办（材料齐全当场办好）');
  });

  it('counts working days', () => {
    expect(workingDaysText(20)).toBe('20个工作日');
    expect(promisedDaysText(3)).toBe('承诺3个工作日');
    expect(promisedDaysLongText(3)).toBe('3个工作日');
  });
});

describe('feeText', () => {
  it('says 不收费 for free items', () => {
    expect(feeText({ free: true, text: '' })).toBe('不收费');
  });

  it('shows the fee text, or a plain hint when it is missing', () => {
    expect(feeText({ free: false, text: '工本费10元' })).toBe('工本费10元');
    expect(feeText({ free: false, text: ' ' })).toBe('收费，请向窗口咨询');
  });
});

describe('maxVisitsText', () => {
  it('uses plain words', () => {
    expect(maxVisitsText(0)).toBe('全程网办，不用跑');
    expect(maxVisitsText(1)).toBe('最多跑一次');
    expect(maxVisitsText(2)).toBe('最多跑两次');
    expect(maxVisitsText(12)).toBe('最多跑12次');
  });
});
