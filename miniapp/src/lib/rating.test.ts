import { RATING_INDICATORS, RATING_LEVELS, isBadRating, levelLabel, ratingRequest, ratingThanks, toggleIndicator } from './rating';

describe('rating levels and indicators', () => {
  it('lists the five national levels, best first', () => {
    expect(RATING_LEVELS.map((l) => `${l.level}${l.label}`)).toEqual(['5非常满意', '4满意', '3基本满意', '2不满意', '1非常不满意']);
    expect(levelLabel(1)).toBe('非常不满意');
    expect(levelLabel(9)).toBe('');
  });

  it('has the standard indicator codes', () => {
    expect(RATING_INDICATORS.map((i) => i.code)).toEqual(['attitude', 'efficiency', 'guidance', 'one_visit', 'environment', 'fairness']);
  });

  it('ticks and unticks indicators, kept in form order', () => {
    let selected = toggleIndicator([], 'efficiency');
    selected = toggleIndicator(selected, 'attitude');
    expect(selected).toEqual(['attitude', 'efficiency']);
    expect(toggleIndicator(selected, 'attitude')).toEqual(['efficiency']);
    expect(toggleIndicator(selected, 'made_up')).toEqual(['attitude', 'efficiency']);
  });

  it('follows up 不满意 and 非常不满意', () => {
    expect([5, 4, 3, 2, 1].map(isBadRating)).toEqual([false, false, false, true, true]);
  });
});

describe('ratingRequest', () => {
  it('leaves an empty comment out and trims a real one', () => {
    expect(ratingRequest(5, ['attitude'], '  ')).toEqual({ level: 5, indicators: ['attitude'] });
    expect(ratingRequest(2, [], ' 等了很久 ')).toEqual({ level: 2, indicators: [], comment: '等了很久' });
    expect(ratingRequest(3, [], 'x'.repeat(600)).comment).toHaveLength(300);
  });
});

describe('ratingThanks', () => {
  it('thanks for a good rating', () => {
    expect(ratingThanks({ followUp: false }, 5).title).toBe('谢谢您的评价');
  });

  it("says a bad rating is followed up, in the server's words when given", () => {
    expect(ratingThanks({ followUp: true, followUpMessage: '中心主任将在3个工作日内回访您' }, 1)).toEqual({
      title: '谢谢，我们会跟进',
      text: '中心主任将在3个工作日内回访您',
    });
    expect(ratingThanks({}, 2).text).toMatch(/跟进整改/);
  });
});
