// The JSON shapes of the public catalogue API, declared once as zod schemas: the operations
// answer with them, the OpenAPI document is generated from them, the API tests validate every
// answer against them, and the mini-program imports the inferred types (type-only imports:
// nothing here reaches a bundle).
import { z } from 'zod';
import { named, uuid } from './registry';

/** 事项类型 — the five categories of the Sichuan catalogue. */
export const itemCategory = z
  .enum(['permit', 'confirmation', 'public_service', 'convenience', 'other_power'])
  .meta({ description: '事项类型: 行政许可, 行政确认, 公共服务, 便民服务, 其他行权事项' });
export type ItemCategory = z.infer<typeof itemCategory>;

/** 办理方式 — how the centre handles an item (from the county's handling rules). */
export const handlingMode = z
  .enum(['immediate', 'commitment', 'joint', 'report_up', 'online'])
  .meta({ description: '办理方式: 即办, 承诺办, 联合办理, 上报协办, 网上办' });
export type HandlingMode = z.infer<typeof handlingMode>;

export const centerKind = z.enum(['center', 'station']).meta({ description: 'center 便民服务中心 | station 便民服务站' });
export type CenterKind = z.infer<typeof centerKind>;

const hhmm = z.string().regex(/^[0-9]{2}:[0-9]{2}$/);

export const openingSession = named(
  'OpeningSession',
  z.object({
    weekday: z.int().min(1).max(7).meta({ description: 'ISO weekday, Monday = 1' }),
    opens: hhmm.meta({ examples: ['08:30'] }),
    closes: hhmm.meta({ examples: ['12:00'] }),
  }),
);
export type OpeningSession = z.infer<typeof openingSession>;

const centerRefFields = { id: uuid, name: z.string(), kind: centerKind };
export const centerRef = named('CenterRef', z.object(centerRefFields));
export type CenterRef = z.infer<typeof centerRef>;

const centerSummaryFields = {
  ...centerRefFields,
  countyCode: z.string().regex(/^[0-9]{6}$/).meta({ description: 'county division code (县级行政区划代码)' }),
  township: z.string(),
  address: z.string(),
  phone: z.string().meta({ description: "the centre's public service phone (not personal data)" }),
  isSample: z.boolean().meta({ description: 'true for invented demo data' }),
  parentCenterId: uuid.nullable().meta({ description: "a station's centre" }),
  latitude: z.number().nullable().meta({ description: 'for finding the nearest centre on the phone; null when unknown' }),
  longitude: z.number().nullable(),
  itemCount: z.int(),
};
export const centerSummary = named('CenterSummary', z.object(centerSummaryFields));
export type CenterSummary = z.infer<typeof centerSummary>;

export const centerList = named('CenterList', z.object({ centers: z.array(centerSummary) }));
export type CenterList = z.infer<typeof centerList>;

export const centerDetail = named(
  'CenterDetail',
  z.object({
    ...centerSummaryFields,
    openingHours: z.array(openingSession),
    scheduleNote: z.string().nullable().meta({ description: 'e.g. market days of a station (逢农历三、六、九赶场日开放)' }),
    parent: centerRef.nullable(),
    stations: z.array(centerRef),
  }),
);
export type CenterDetail = z.infer<typeof centerDetail>;

export const departmentRef = named('DepartmentRef', z.object({ code: z.string(), name: z.string() }));
export type DepartmentRef = z.infer<typeof departmentRef>;

const itemSummaryFields = {
  id: uuid,
  code: z.string(),
  name: z.string(),
  category: itemCategory,
  categoryLabel: z.string(),
  department: departmentRef,
  handlingMode,
  handlingModeLabel: z.string(),
  legalDays: z.int().meta({ description: '法定办结时限, working days' }),
  promisedDays: z.int().meta({ description: '承诺办结时限, working days (0 = 即办)' }),
  isSample: z.boolean(),
};
export const itemSummary = named('ItemSummary', z.object(itemSummaryFields));
export type ItemSummary = z.infer<typeof itemSummary>;

export const materialForm = z.enum(['original', 'copy', 'original_and_copy', 'electronic']);
export type MaterialForm = z.infer<typeof materialForm>;

export const material = named(
  'Material',
  z.object({
    id: uuid,
    position: z.int(),
    name: z.string(),
    form: materialForm,
    formLabel: z.string(),
    copies: z.int(),
    requirement: z.enum(['required', 'conditional']).meta({ description: 'conditional = 视情况, decided by `condition`' }),
    condition: z.string().nullable().meta({ description: 'the yes/no question of a conditional material, e.g. 是否委托他人代办？' }),
    notes: z.string().nullable(),
  }),
);
export type Material = z.infer<typeof material>;

export const itemDetail = named(
  'ItemDetail',
  z.object({
    ...itemSummaryFields,
    summary: z.string().meta({ description: 'plain-words guide: what the item is for and who may apply' }),
    conditions: z.string().meta({ description: '受理条件' }),
    fee: z.object({ free: z.boolean(), text: z.string() }),
    maxVisits: z.int().meta({ description: '0 = 全程网办, 1 = 最多跑一次' }),
    materials: z.array(material),
    centers: z.array(centerRef),
  }),
  '办事指南: the item with its guide, materials and the centres that offer it',
);
export type ItemDetail = z.infer<typeof itemDetail>;

export interface Page<T> {
  total: number;
  limit: number;
  offset: number;
  rows: T[];
}

const bundleFields = { id: uuid, code: z.string(), name: z.string(), summary: z.string(), isSample: z.boolean() };

/** 一件事一次办: several items one life event needs, handled as one matter at one window. */
export const bundleSummary = named(
  'BundleSummary',
  z.object({
    ...bundleFields,
    items: z.array(z.object({ id: uuid, name: z.string() })).meta({ description: 'its items; a visit is booked for the first' }),
  }),
  '一件事一次办: several items one life event needs, handled as one matter at one window',
);
export type BundleSummary = z.infer<typeof bundleSummary>;

export const bundleList = named('BundleList', z.object({ bundles: z.array(bundleSummary) }));
export type BundleList = z.infer<typeof bundleList>;

export const bundleDetail = named(
  'BundleDetail',
  z.object({
    ...bundleFields,
    items: z.array(itemDetail).meta({ description: 'each item with its guide and materials; the checklist merges them' }),
    centers: z.array(centerRef).meta({ description: 'centres that offer every item' }),
  }),
);
export type BundleDetail = z.infer<typeof bundleDetail>;

/** The first page of an item search also carries the matching 一件事 bundles. */
export const itemSearchPage = named(
  'ItemPage',
  z.object({
    total: z.int(),
    limit: z.int(),
    offset: z.int(),
    rows: z.array(itemSummary),
    bundles: z.array(bundleSummary).meta({ description: '一件事 bundles matching the same words: first page of a word search only, else []' }),
    soundsLike: z.boolean().meta({ description: 'true when nothing matched as typed and the rows are items whose names sound alike (pinyin)' }),
  }),
);
export type ItemSearchPage = z.infer<typeof itemSearchPage>;

export const facet = named('Facet', z.object({ value: z.string(), label: z.string(), count: z.int() }));
export interface Facet<V extends string = string> {
  value: V;
  label: string;
  count: number;
}

export const catalogueFacets = named('CatalogueFacets', z.object({ categories: z.array(facet), departments: z.array(facet) }));
export interface CatalogueFacets {
  categories: Facet<ItemCategory>[];
  departments: Facet[];
}

export const health = named(
  'Health',
  z.object({
    status: z.literal('ok'),
    backend: z.enum(['pglite', 'pg', 'supabase']),
    migration: z.string().nullable().meta({ description: 'latest applied migration version' }),
    mode: z.enum(['development', 'production']),
  }),
);
export type Health = z.infer<typeof health>;
