import { RATING_INDICATORS } from './rating';
import { followUpText, indicatorText, satisfactionText } from './ratingSummary';

describe('rating summary texts', () => {
  it('says the satisfaction rate with its counts', () => {
    expect(satisfactionText({ total: 25, satisfied: 23, satisfactionRate: 23 / 25 })).toBe('满意率 92%（25条评价中23条满意）');
    expect(satisfactionText({ total: 0, satisfied: 0, satisfactionRate: null })).toBe('还没有评价');
  });
  it('says what follow-ups are waiting and late', () => {
    expect(followUpText({ openFollowUps: 0, overdueFollowUps: 0 })).toBe('没有待办的整改');
    expect(followUpText({ openFollowUps: 2, overdueFollowUps: 1 })).toBe('2条整改待办，其中1条已超期');
    expect(followUpText({ openFollowUps: 2, overdueFollowUps: 0 })).toBe('2条整改待办');
  });
  it('lists ticked indicators most often first', () => {
    const label = (code: string) => RATING_INDICATORS.find((i) => i.code === code)!.label;
    expect(indicatorText({ attitude: 1, efficiency: 3, guidance: 0 })).toBe(`${label('efficiency')} 3次、${label('attitude')} 1次`);
    expect(indicatorText({})).toBe('');
  });
});
