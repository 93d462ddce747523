// A 一件事 bundle shown as one matter: one checklist for the whole visit. The same paper asked
// by several items (居民身份证, 户口簿…) is brought once, with the most copies any item asks for.
import type { BundleDetail, Material } from '@contract/catalogue';

const key = (m: Pick<Material, 'name' | 'form'>): string => `${m.name.replace(/\s+/g, '')}|${m.form}`;

/**
 * The bundle's materials merged: one line per paper and form, in the order first asked. A paper
 * is required when any item requires it; it stays a yes/no question only when every item asks
 * the same question. Ids are those of the first item asking, so ticks are kept across visits.
 */
export function mergeBundleMaterials(items: BundleDetail['items']): Material[] {
  const merged = new Map<string, Material & { usedBy: string[] }>();
  for (const item of items) {
    for (const m of item.materials) {
      const k = key(m);
      const seen = merged.get(k);
      if (!seen) {
        merged.set(k, { ...m, usedBy: [item.name] });
        continue;
      }
      seen.copies = Math.max(seen.copies, m.copies);
      if (!seen.usedBy.includes(item.name)) seen.usedBy.push(item.name);
      if (m.requirement === 'required' || m.condition !== seen.condition) {
        seen.requirement = 'required';
        seen.condition = null;
      }
      if (m.notes && m.notes !== seen.notes) seen.notes = seen.notes ? `${seen.notes}；${m.notes}` : m.notes;
    }
  }
  return [...merged.values()].map(({ usedBy, ...m }, i) => ({
    ...m,
    position: i + 1,
    notes: usedBy.length > 1 ? [m.notes, `${usedBy.length}件事都要用，带一份就行`].filter(Boolean).join('；') : m.notes,
  }));
}

/** "含4件事：新生儿出生登记、新生儿参加城乡居民医保……" */
export function bundleItemsText(items: readonly { name: string }[], shown = 3): string {
  const names = items.slice(0, shown).map((i) => i.name).join('、');
  return `含${items.length}件事：${names}${items.length > shown ? '等' : ''}`;
}
