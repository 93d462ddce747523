// Catalogue queries: call the SQL read functions and add the labels the client shows.
import type {
  CatalogueFacets,
  CenterDetail,
  CenterKind,
  CenterSummary,
  ItemCategory,
  ItemDetail,
  ItemSummary,
  Material,
  Page,
} from '../contract/catalogue';
import type { Caller, Database } from '../db/database';
import { CATEGORY_LABELS, HANDLING_MODE_LABELS, MATERIAL_FORM_LABELS } from './labels';

type Unlabelled<T> = Omit<T, 'categoryLabel' | 'handlingModeLabel'>;
type RawItemSummary = Unlabelled<ItemSummary>;
type RawItemDetail = Omit<Unlabelled<ItemDetail>, 'materials'> & { materials: Omit<Material, 'formLabel'>[] };

export interface CenterFilter {
  kind?: CenterKind;
  q?: string;
  county?: string;
}

export interface ItemFilter {
  q?: string;
  category?: ItemCategory;
  department?: string;
  center?: string;
  county?: string;
  limit: number;
  offset: number;
}

export async function listCenters(db: Database, caller: Caller, f: CenterFilter): Promise<{ centers: CenterSummary[] }> {
  return db.rpc('list_centers', { p_kind: f.kind, p_q: f.q, p_county: f.county }, caller);
}

export async function getCenter(db: Database, caller: Caller, id: string): Promise<CenterDetail> {
  return db.rpc('get_center', { p_id: id }, caller);
}

export async function searchItems(db: Database, caller: Caller, f: ItemFilter): Promise<Page<ItemSummary>> {
  const page = await db.rpc<Page<RawItemSummary>>(
    'search_items',
    {
      p_q: f.q,
      p_category: f.category,
      p_department: f.department,
      p_center: f.center,
      p_county: f.county,
      p_limit: f.limit,
      p_offset: f.offset,
    },
    caller,
  );
  return { ...page, rows: page.rows.map(labelItem) };
}

export async function getItem(db: Database, caller: Caller, id: string): Promise<ItemDetail> {
  const raw = await db.rpc<RawItemDetail>('get_item', { p_id: id }, caller);
  return {
    ...labelItem(raw),
    materials: raw.materials.map((m) => ({ ...m, formLabel: MATERIAL_FORM_LABELS[m.form] })),
  };
}

export async function getFacets(
  db: Database,
  caller: Caller,
  f: { center?: string; county?: string },
): Promise<CatalogueFacets> {
  const raw = await db.rpc<{ categories: { value: ItemCategory; count: number }[]; departments: CatalogueFacets['departments'] }>(
    'catalogue_facets',
    { p_center: f.center, p_county: f.county },
    caller,
  );
  return {
    categories: raw.categories.map((c) => ({ ...c, label: CATEGORY_LABELS[c.value] })),
    departments: raw.departments,
  };
}

function labelItem<T extends RawItemSummary>(item: T): T & Pick<ItemSummary, 'categoryLabel' | 'handlingModeLabel'> {
  return {
    ...item,
    categoryLabel: CATEGORY_LABELS[item.category],
    handlingModeLabel: HANDLING_MODE_LABELS[item.handlingMode],
  };
}
