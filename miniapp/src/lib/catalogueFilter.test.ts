import {
  categoryChoices,
  choiceIndex,
  departmentChoices,
  departmentName,
  hasNarrowing,
  parseCategory,
  resultCountText,
} from './catalogueFilter';

const departments = [
  { value: 'mz', label: '民政办', count: 12 },
  { value: 'ylbz', label: '医保站', count: 0 },
  { value: 'ga', label: '派出所', count: 3 },
];

describe('choices', () => {
  it('puts 全部 first and leaves out categories without items', () => {
    const choices = categoryChoices([
      { value: 'permit', label: '行政许可', count: 4 },
      { value: 'other_power', label: '其他行权事项', count: 0 },
    ]);
    expect(choices).toEqual([
      { value: '', label: '全部' },
      { value: 'permit', label: '行政许可', count: 4 },
    ]);
  });

  it('labels departments with their counts', () => {
    expect(departmentChoices(departments).map((c) => c.label)).toEqual([
      '全部部门',
      '民政办（12项）',
      '派出所（3项）',
    ]);
  });

  it('finds the chosen index, falling back to 全部', () => {
    const choices = departmentChoices(departments);
    expect(choiceIndex(choices, 'ga')).toBe(2);
    expect(choiceIndex(choices, 'gone')).toBe(0);
    expect(choiceIndex(choices, '')).toBe(0);
  });

  it('names the chosen department', () => {
    expect(departmentName(departments, 'mz')).toBe('民政办');
    expect(departmentName(departments, '')).toBe('全部部门');
    expect(departmentName(departments, 'gone')).toBe('全部部门');
  });
});

describe('filter text', () => {
  it('knows when the list is narrowed', () => {
    expect(hasNarrowing({})).toBe(false);
    expect(hasNarrowing({ center: 'c1' })).toBe(false);
    expect(hasNarrowing({ q: '低保' })).toBe(true);
    expect(hasNarrowing({ category: 'permit' })).toBe(true);
  });

  it('counts results in plain words', () => {
    expect(resultCountText(0, { q: 'x' })).toBe('没有找到相关事项');
    expect(resultCountText(12, { q: 'x' })).toBe('共找到12项');
    expect(resultCountText(120, {})).toBe('共120项');
  });

  it('accepts only known categories from the URL', () => {
    expect(parseCategory('permit')).toBe('permit');
    expect(parseCategory('bogus')).toBe('');
  });
});
