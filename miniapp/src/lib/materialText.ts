import type { Material, MaterialForm } from '@contract/catalogue';

const FORM_LABELS: Record<MaterialForm, string> = {
  original: '原件',
  copy: '复印件',
  original_and_copy: '原件及复印件',
  electronic: '电子版',
};

/** Our own labels for the known forms; the server's label for any form added later. */
export function materialFormLabel(form: MaterialForm, serverLabel?: string): string {
  return FORM_LABELS[form] ?? serverLabel ?? '';
}

/** "2份"; nothing for electronic files or when the count is unknown. */
export function copiesText(material: Pick<Material, 'form' | 'copies'>): string {
  if (material.form === 'electronic') return '';
  return material.copies > 0 ? `${material.copies}份` : '';
}

/** "原件 1份", "电子版". */
export function materialFormLine(material: Pick<Material, 'form' | 'copies' | 'formLabel'>): string {
  return [materialFormLabel(material.form, material.formLabel), copiesText(material)]
    .filter((part) => part !== '')
    .join(' ');
}

export function requirementLabel(requirement: Material['requirement']): string {
  return requirement === 'required' ? '必需' : '视情况';
}

/** The yes/no question for a conditional material, with what "yes" means. */
export function conditionHint(condition: string | null): string {
  const question = (condition ?? '').trim();
  if (question === '') return '请向窗口咨询是否需要';
  const asked = /[？?]$/.test(question) ? question : `${question}？`;
  return `${asked}如果是，就要带上。`;
}

/** Checklist order as published (position), stable for equal positions. */
export function sortMaterials<T extends Pick<Material, 'position'>>(materials: readonly T[]): T[] {
  return materials
    .map((m, index) => ({ m, index }))
    .sort((a, b) => a.m.position - b.m.position || a.index - b.index)
    .map(({ m }) => m);
}

/** "必需3项，视情况2项" for the checklist heading. */
export function materialCountText(materials: readonly Pick<Material, 'requirement'>[]): string {
  const required = materials.filter((m) => m.requirement === 'required').length;
  const conditional = materials.length - required;
  const parts = [`必需${required}项`];
  if (conditional > 0) parts.push(`视情况${conditional}项`);
  return parts.join('，');
}
