import { RATING_INDICATOR_CODES, RATING_INDICATORS, RATING_LEVELS, indicatorLabel, needsFollowUp } from './rating-indicators';

describe('rating indicators and levels', () => {
  it('are the six standard indicators with their Chinese labels', () => {
    expect(RATING_INDICATORS.map((i) => `${i.code}:${i.label}`)).toEqual([
      'attitude:服务态度',
      'efficiency:办事效率',
      'guidance:办事指南清楚',
      'one_visit:一次办成',
      'environment:窗口环境',
      'fairness:公正廉洁',
    ]);
    expect(RATING_INDICATOR_CODES).toHaveLength(6);
    expect(indicatorLabel('one_visit')).toBe('一次办成');
    expect(indicatorLabel('unknown')).toBe('unknown');
  });

  it('has five levels, 5 = 非常满意 … 1 = 非常不满意', () => {
    expect(RATING_LEVELS).toEqual({ 5: '非常满意', 4: '满意', 3: '基本满意', 2: '不满意', 1: '非常不满意' });
  });

  it('follows up 不满意 and 非常不满意 only', () => {
    expect([1, 2, 3, 4, 5].map((l) => needsFollowUp(l as 1 | 2 | 3 | 4 | 5))).toEqual([true, true, false, false, false]);
  });
});
