import type { Material } from '@contract/catalogue';
import {
  conditionHint,
  copiesText,
  materialCountText,
  materialFormLabel,
  materialFormLine,
  requirementLabel,
  sortMaterials,
} from './materialText';

function material(overrides: Partial<Material>): Material {
  return {
    id: 'm',
    position: 1,
    name: '居民身份证',
    form: 'original',
    formLabel: '原件',
    copies: 1,
    requirement: 'required',
    condition: null,
    notes: null,
    ...overrides,
  };
}

describe('material form labels', () => {
  it('names every form in plain words', () => {
    expect(materialFormLabel('original')).toBe('原件');
    expect(materialFormLabel('copy')).toBe('复印件');
    expect(materialFormLabel('original_and_copy')).toBe('原件及复印件');
    expect(materialFormLabel('electronic')).toBe('电子版');
  });

  it('falls back to the server label for an unknown form', () => {
    expect(materialFormLabel('scan' as Material['form'], '扫描件')).toBe('扫描件');
  });
});

describe('copiesText / materialFormLine', () => {
  it('shows the number of copies', () => {
    expect(copiesText(material({ copies: 2 }))).toBe('2份');
    expect(materialFormLine(material({ form: 'copy', copies: 2 }))).toBe('复印件 2份');
  });

  it('omits copies for electronic files and zero counts', () => {
    expect(materialFormLine(material({ form: 'electronic', copies: 1 }))).toBe('电子版');
    expect(materialFormLine(material({ copies: 0 }))).toBe('原件');
  });
});

describe('requirement', () => {
  it('labels required and conditional materials', () => {
    expect(requirementLabel('required')).toBe('必需');
    expect(requirementLabel('conditional')).toBe('视情况');
  });

  it('turns the condition into a yes/no hint', () => {
    expect(conditionHint('是否委托他人代办？')).toBe('是否委托他人代办？如果是，就要带上。');
    expect(conditionHint('是否委托他人代办')).toBe('是否委托他人代办？如果是，就要带上。');
    expect(conditionHint(null)).toBe('请向窗口咨询是否需要');
  });
});

describe('sortMaterials / materialCountText', () => {
  it('sorts by position, keeping ties in input order', () => {
    const list = [
      material({ id: 'c', position: 3 }),
      material({ id: 'a', position: 1 }),
      material({ id: 'b1', position: 2 }),
      material({ id: 'b2', position: 2 }),
    ];
    expect(sortMaterials(list).map((m) => m.id)).toEqual(['a', 'b1', 'b2', 'c']);
  });

  it('counts required and conditional lines', () => {
    expect(
      materialCountText([
        material({}),
        material({ requirement: 'conditional' }),
        material({}),
      ]),
    ).toBe('必需2项，视情况1项');
    expect(materialCountText([material({})])).toBe('必需1项');
  });
});
