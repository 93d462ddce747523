// Catalogue queries: call the SQL read functions and add the labels the client shows.
import type {
  BundleDetail,
  BundleSummary,
  CatalogueFacets,
  CenterDetail,
  CenterKind,
  CenterSummary,
  ItemCategory,
  ItemDetail,
  ItemSearchPage,
  ItemSummary,
  Material,
  Page,
} from '../contract/catalogue';
import type { Caller, Database } from '../db/database';
import { CATEGORY_LABELS, HANDLING_MODE_LABELS, MATERIAL_FORM_LABELS } from './labels';
import { termPinyin } from './pinyin';

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

/** Terms as the SQL functions split them (lower case, whitespace). */
function termsOf(q: string | undefined): string[] {
  return (q ?? '').trim().toLowerCase().split(/\s+/).filter(Boolean);
}

/**
 * Items matching the words, popular first. Typed pinyin ("dibao", "db") always counts; when
 * the Chinese words match nothing, items whose names sound the same are offered instead
 * (低包 → 低保), marked `soundsLike`. The first page also carries matching bundles.
 */
export async function searchItems(db: Database, caller: Caller, f: ItemFilter): Promise<ItemSearchPage> {
  const terms = termsOf(f.q);
  const pinyins = terms.map(termPinyin);
  const typed = pinyins.map((p) => (p?.kind === 'latin' ? p.pinyin : null));
  const soundAlike = pinyins.map((p) => p?.pinyin ?? null);
  const run = (pinyin: (string | null)[]) =>
    db.rpc<Page<RawItemSummary>>(
      'search_items',
      {
        p_q: f.q,
        p_category: f.category,
        p_department: f.department,
        p_center: f.center,
        p_county: f.county,
        p_limit: f.limit,
        p_offset: f.offset,
        p_pinyin: pinyin.some((p) => p !== null) ? pinyin : undefined,
      },
      caller,
    );
  let page = await run(typed);
  let soundsLike = false;
  if (page.total === 0 && pinyins.some((p) => p?.kind === 'han')) {
    page = await run(soundAlike);
    soundsLike = page.total > 0;
  }
  const firstPage = f.offset === 0 && terms.length > 0 && !f.category && !f.department;
  const bundles = firstPage ? await searchBundles(db, caller, { q: f.q, center: f.center, county: f.county }, soundsLike ? soundAlike : typed) : [];
  return { ...page, rows: page.rows.map(labelItem), bundles, soundsLike };
}

async function searchBundles(
  db: Database,
  caller: Caller,
  f: { q?: string; center?: string; county?: string },
  pinyin: (string | null)[],
): Promise<BundleSummary[]> {
  const { rows } = await db.rpc<{ rows: BundleSummary[] }>(
    'search_bundles',
    { p_q: f.q, p_center: f.center, p_county: f.county, p_pinyin: pinyin.some((p) => p !== null) ? pinyin : undefined },
    caller,
  );
  return rows;
}

/** Bundles to browse (no words): all published, or those a centre can handle whole. */
export async function listBundles(db: Database, caller: Caller, f: { center?: string; county?: string }): Promise<{ bundles: BundleSummary[] }> {
  return { bundles: await searchBundles(db, caller, f, []) };
}

export async function getBundle(db: Database, caller: Caller, id: string): Promise<BundleDetail> {
  const raw = await db.rpc<Omit<BundleDetail, 'items'> & { items: RawItemDetail[] }>('get_bundle', { p_id: id }, caller);
  return { ...raw, items: raw.items.map(labelItemDetail) };
}

export async function getItem(db: Database, caller: Caller, id: string): Promise<ItemDetail> {
  return labelItemDetail(await db.rpc<RawItemDetail>('get_item', { p_id: id }, caller));
}

function labelItemDetail(raw: RawItemDetail): ItemDetail {
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
