import type { Material } from '@contract/catalogue';
import {
  answerQuestion,
  bookingWarningText,
  checklistLines,
  checklistShareText,
  conditionQuestion,
  EMPTY_CHECKLIST,
  missingMaterials,
  neededMaterials,
  openQuestions,
  parseStoredChecklists,
  progressText,
  sanitizeChecklist,
  storeChecklist,
  summaryTitle,
  toggleHave,
} from './checklist';

function material(id: string, overrides: Partial<Material> = {}): Material {
  return {
    id,
    position: 1,
    name: id,
    form: 'original',
    formLabel: '原件',
    copies: 1,
    requirement: 'required',
    condition: null,
    notes: null,
    ...overrides,
  };
}

const idCard = material('id', { position: 1, name: '居民身份证', form: 'original_and_copy' });
const hukou = material('hukou', { position: 2, name: '户口簿' });
const proxy = material('proxy', {
  position: 3,
  name: '委托书',
  requirement: 'conditional',
  condition: '是否委托他人代办？',
});
const materials = [proxy, hukou, idCard];

describe('checklist lines', () => {
  it('lists required materials as needed and leaves the question open', () => {
    const lines = checklistLines(materials, EMPTY_CHECKLIST);
    expect(lines.map((l) => [l.material.id, l.status, l.have])).toEqual([
      ['id', 'needed', false],
      ['hukou', 'needed', false],
      ['proxy', 'ask', false],
    ]);
    expect(neededMaterials(materials, EMPTY_CHECKLIST).map((m) => m.id)).toEqual(['id', 'hukou']);
    expect(openQuestions(materials, EMPTY_CHECKLIST).map((m) => m.id)).toEqual(['proxy']);
  });

  it('"是" adds the conditional material to the list, "否" takes it off', () => {
    const yes = answerQuestion(EMPTY_CHECKLIST, 'proxy', true);
    expect(neededMaterials(materials, yes).map((m) => m.id)).toEqual(['id', 'hukou', 'proxy']);
    expect(openQuestions(materials, yes)).toEqual([]);
    const no = answerQuestion(toggleHave(yes, 'proxy'), 'proxy', false);
    expect(neededMaterials(materials, no).map((m) => m.id)).toEqual(['id', 'hukou']);
    expect(no.have).toEqual([]);
    expect(checklistLines(materials, no)[2]?.status).toBe('not_needed');
  });

  it('ticks and unticks "我有了"', () => {
    const ticked = toggleHave(EMPTY_CHECKLIST, 'id');
    expect(missingMaterials(materials, ticked).map((m) => m.id)).toEqual(['hukou']);
    expect(toggleHave(ticked, 'id').have).toEqual([]);
  });

  it('does not count a tick on a material that is not needed', () => {
    const state = { have: ['proxy'], answers: { proxy: false } };
    expect(checklistLines(materials, state)[2]?.have).toBe(false);
  });
});

describe('texts', () => {
  it('asks the condition as a yes/no question', () => {
    expect(conditionQuestion(proxy)).toBe('是否委托他人代办？');
    expect(conditionQuestion({ name: '证明', condition: '是否残疾人。' })).toBe('是否残疾人？');
    expect(conditionQuestion({ name: '委托书', condition: ' ' })).toBe('需要带“委托书”吗？');
  });

  it('titles the summary and the progress', () => {
    expect(summaryTitle(3)).toBe('出门前带齐这3样');
    expect(summaryTitle(0)).toBe('这件事不用带材料');
    expect(progressText(3, 1)).toBe('已备好2样，还差1样');
    expect(progressText(3, 0)).toBe('都备好了，可以出门了');
    expect(progressText(0, 0)).toBe('');
  });

  it('warns before booking with what is missing', () => {
    expect(bookingWarningText([hukou, proxy])).toBe('还有2样没准备好：户口簿、委托书，确定现在预约吗？');
    expect(bookingWarningText([])).toBe('');
  });

  it('builds the plain text for a family chat', () => {
    const state = toggleHave(answerQuestion(EMPTY_CHECKLIST, 'proxy', true), 'id');
    expect(checklistShareText('最低生活保障申请', materials, state, { name: '沙河镇便民服务中心', phone: '0827-1234567' })).toBe(
      [
        '【最低生活保障申请】出门前带齐这3样：',
        '1. 居民身份证（原件及复印件 1份）——已备好',
        '2. 户口簿（原件 1份）——还没准备好',
        '3. 委托书（原件 1份）——还没准备好',
        '办理地点：沙河镇便民服务中心，电话 0827-1234567',
        '（来自“便民服务”小程序，以窗口要求为准）',
      ].join('\n'),
    );
  });

  it('lists open questions in the shared text', () => {
    const text = checklistShareText('低保', materials, EMPTY_CHECKLIST);
    expect(text).toContain('出门前带齐这2样');
    expect(text).toContain('还要问清：是否委托他人代办？如果是，还要带委托书（原件 1份）');
    expect(text).not.toContain('办理地点');
  });
});

describe('stored checklists', () => {
  it('keeps only known ids and right types', () => {
    expect(
      sanitizeChecklist({ have: ['id', 'gone', 3, 'id'], answers: { proxy: true, gone: false, hukou: 'yes' } }, ['id', 'hukou', 'proxy']),
    ).toEqual({ have: ['id'], answers: { proxy: true } });
    expect(sanitizeChecklist('garbage')).toEqual(EMPTY_CHECKLIST);
    expect(sanitizeChecklist({ have: 'id' })).toEqual(EMPTY_CHECKLIST);
  });

  it('reads what it wrote and refuses other shapes', () => {
    const all = storeChecklist(parseStoredChecklists(null), 'item-1', { have: ['a'], answers: {} }, 100);
    expect(parseStoredChecklists(JSON.parse(JSON.stringify(all)))).toEqual({
      v: 1,
      items: { 'item-1': { have: ['a'], answers: {}, t: 100 } },
    });
    expect(parseStoredChecklists({ v: 2, items: {} })).toEqual({ v: 1, items: {} });
  });

  it('forgets an emptied checklist and keeps only the newest', () => {
    let all = parseStoredChecklists(undefined);
    for (let i = 0; i < 5; i += 1) all = storeChecklist(all, `item-${i}`, { have: ['a'], answers: {} }, i, 3);
    expect(Object.keys(all.items).sort()).toEqual(['item-2', 'item-3', 'item-4']);
    all = storeChecklist(all, 'item-3', EMPTY_CHECKLIST, 10, 3);
    expect(Object.keys(all.items).sort()).toEqual(['item-2', 'item-4']);
  });
});
