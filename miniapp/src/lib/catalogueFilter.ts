import type { Facet, ItemCategory } from '@contract/catalogue';
import type { CatalogueFilter } from './routes';

export interface Choice<V extends string = string> {
  value: V | '';
  label: string;
  count?: number;
}

const ALL_CATEGORIES = '全部';
const ALL_DEPARTMENTS = '全部部门';

/** "全部" first, then the categories that have items. */
export function categoryChoices(categories: readonly Facet<ItemCategory>[]): Choice<ItemCategory>[] {
  return [
    { value: '', label: ALL_CATEGORIES },
    ...categories
      .filter((c) => c.count > 0)
      .map((c) => ({ value: c.value, label: c.label, count: c.count })),
  ];
}

/** "全部部门" first, then "民政办（12项）" per department with items. */
export function departmentChoices(departments: readonly Facet[]): Choice[] {
  return [
    { value: '', label: ALL_DEPARTMENTS },
    ...departments
      .filter((d) => d.count > 0)
      .map((d) => ({ value: d.value, label: `${d.label}（${d.count}项）`, count: d.count })),
  ];
}

/** Position of `value` in the choices, 0 ("全部") when it is not there. */
export function choiceIndex(choices: readonly Choice[], value: string): number {
  const index = choices.findIndex((c) => c.value === value);
  return index < 0 ? 0 : index;
}

/** The name to show for the chosen department, without its count. */
export function departmentName(departments: readonly Facet[], code: string): string {
  if (code === '') return ALL_DEPARTMENTS;
  return departments.find((d) => d.value === code)?.label ?? ALL_DEPARTMENTS;
}

/** True when the person narrowed the list (text, category or department; the centre is the page's scope). */
export function hasNarrowing(filter: CatalogueFilter): boolean {
  return Boolean(filter.q || filter.category || filter.department);
}

/** "共找到 12 项" / "没有找到" heading for the results. */
export function resultCountText(total: number, filter: CatalogueFilter): string {
  if (total === 0) return '没有找到相关事项';
  return hasNarrowing(filter) ? `共找到${total}项` : `共${total}项`;
}

const CATEGORY_VALUES: readonly ItemCategory[] = [
  'permit',
  'confirmation',
  'public_service',
  'convenience',
  'other_power',
];

/** A category from a page parameter, or '' when it is not one we know. */
export function parseCategory(raw: string): ItemCategory | '' {
  return (CATEGORY_VALUES as readonly string[]).includes(raw) ? (raw as ItemCategory) : '';
}
