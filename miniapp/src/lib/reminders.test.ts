import { acceptedTemplateIds, reminderResultText, templateIdsOf } from './reminders';

describe('reminder templates', () => {
  it('asks for up to three distinct templates the server named', () => {
    const t = (templateId: string) => ({ templateId });
    expect(templateIdsOf([t(' a'), t('b'), t(''), t('a '), t('c'), t('d')])).toEqual(['a', 'b', 'c']);
    expect(templateIdsOf([])).toEqual([]);
    expect(templateIdsOf(undefined)).toEqual([]);
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
