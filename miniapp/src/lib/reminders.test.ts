import { acceptedTemplateIds, reminderResultText, templateIdsFrom } from './reminders';

describe('reminder templates', () => {
  it('reads up to three distinct ids from the setting', () => {
    expect(templateIdsFrom(' a, b,,a , c, d ')).toEqual(['a', 'b', 'c']);
    expect(templateIdsFrom('')).toEqual([]);
    expect(templateIdsFrom(undefined)).toEqual([]);
  });

  it("keeps the ids WeChat says were accepted", () => {
    expect(acceptedTemplateIds(['a', 'b', 'c'], { errMsg: 'requestSubscribeMessage:ok', a: 'accept', b: 'reject', c: 'ban' })).toEqual(['a']);
  });

  it('says what happened', () => {
    expect(reminderResultText(0, 0)).toMatch(/暂未开通/);
    expect(reminderResultText(2, 0)).toMatch(/没有同意/);
    expect(reminderResultText(2, 1)).toMatch(/已设置提醒/);
  });
});
