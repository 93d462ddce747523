import type { BundleDetail, Material } from '@contract/catalogue';
import { bundleItemsText, mergeBundleMaterials } from './bundleGuide';

const material = (id: string, name: string, extra: Partial<Material> = {}): Material => ({
  id, position: 1, name, form: 'original', formLabel: '原件', copies: 1, requirement: 'required', condition: null, notes: null, ...extra,
});
const item = (name: string, materials: Material[]) => ({ name, materials }) as BundleDetail['items'][number];

describe('mergeBundleMaterials', () => {
  it('asks for a paper several items need once, with the most copies', () => {
    const merged = mergeBundleMaterials([
      item('上户口', [material('a1', '居民身份证'), material('a2', '出生医学证明')]),
      item('参医保', [material('b1', '居民 身份证', { copies: 2 }), material('b2', '户口簿')]),
    ]);
    expect(merged.map((m) => [m.id, m.name, m.copies, m.position])).toEqual([
      ['a1', '居民身份证', 2, 1],
      ['a2', '出生医学证明', 1, 2],
      ['b2', '户口簿', 1, 3],
    ]);
    expect(merged[0]!.notes).toBe('2件事都要用，带一份就行');
    expect(merged[1]!.notes).toBeNull();
  });

  it('keeps originals and copies apart', () => {
    const merged = mergeBundleMaterials([
      item('A', [material('a1', '户口簿')]),
      item('B', [material('b1', '户口簿', { form: 'copy', formLabel: '复印件' })]),
    ]);
    expect(merged.map((m) => m.id)).toEqual(['a1', 'b1']);
  });

  it('makes a paper required when any item requires it, and keeps a question all items share', () => {
    const q = { requirement: 'conditional' as const, condition: '是否委托他人代办？' };
    const merged = mergeBundleMaterials([
      item('A', [material('a1', '委托书', q), material('a2', '授权书', q)]),
      item('B', [material('b1', '委托书', q), material('b2', '授权书')]),
    ]);
    expect(merged.map((m) => [m.id, m.requirement, m.condition])).toEqual([
      ['a1', 'conditional', '是否委托他人代办？'],
      ['a2', 'required', null],
    ]);
  });
});

describe('bundleItemsText', () => {
  it('names the first few items', () => {
    expect(bundleItemsText([{ name: '甲' }, { name: '乙' }])).toBe('含2件事：甲、乙');
    expect(bundleItemsText([{ name: '甲' }, { name: '乙' }, { name: '丙' }, { name: '丁' }])).toBe('含4件事：甲、乙、丙等');
  });
});
