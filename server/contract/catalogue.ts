// The JSON shapes of the public catalogue API, shared by the API handlers and the
// mini-program (type-only imports: nothing here reaches a bundle).

/** 事项类型 — the five categories of the Sichuan catalogue. */
export type ItemCategory =
  | 'permit' // 行政许可
  | 'confirmation' // 行政确认
  | 'public_service' // 公共服务
  | 'convenience' // 便民服务
  | 'other_power'; // 其他行权事项

/** 办理方式 — how the centre handles an item (from the county's handling rules). */
export type HandlingMode =
  | 'immediate' // 即办：一般事项直接办理
  | 'commitment' // 承诺办：特殊事项承诺办理
  | 'joint' // 联办：复杂事项联合办理
  | 'report_up' // 上报：上报事项协助办理
  | 'online'; // 网办：目录内事项网上办理

export type CenterKind = 'center' | 'station';

export interface OpeningSession {
  /** ISO weekday, 1 = Monday … 7 = Sunday */
  weekday: number;
  /** 'HH:mm', Asia/Shanghai */
  opens: string;
  closes: string;
}

export interface CenterRef {
  id: string;
  name: string;
  kind: CenterKind;
}

export interface CenterSummary extends CenterRef {
  countyCode: string;
  township: string;
  address: string;
  /** public service phone of the centre (not personal data) */
  phone: string;
  /** true when the record is invented demo data */
  isSample: boolean;
  parentCenterId: string | null;
  /** WGS-84-ish position for "nearest centre" on the phone; null when unknown */
  latitude: number | null;
  longitude: number | null;
  itemCount: number;
}

export interface CenterDetail extends CenterSummary {
  openingHours: OpeningSession[];
  /** e.g. "逢农历三、六、九赶场日开放" for a station; null when none */
  scheduleNote: string | null;
  parent: CenterRef | null;
  stations: CenterRef[];
}

export interface DepartmentRef {
  code: string;
  name: string;
}

export interface ItemSummary {
  id: string;
  code: string;
  name: string;
  category: ItemCategory;
  categoryLabel: string;
  department: DepartmentRef;
  handlingMode: HandlingMode;
  handlingModeLabel: string;
  /** 法定办结时限, working days */
  legalDays: number;
  /** 承诺办结时限, working days (0 = 即办) */
  promisedDays: number;
  isSample: boolean;
}

export type MaterialForm = 'original' | 'copy' | 'original_and_copy' | 'electronic';

export interface Material {
  id: string;
  position: number;
  name: string;
  form: MaterialForm;
  formLabel: string;
  copies: number;
  requirement: 'required' | 'conditional';
  /** for conditional materials: the yes/no question that decides it, e.g. "是否委托他人代办？" */
  condition: string | null;
  notes: string | null;
}

export interface ItemDetail extends ItemSummary {
  /** plain-words guide: what the item is for and who may apply */
  summary: string;
  /** 受理条件 */
  conditions: string;
  fee: { free: boolean; text: string };
  /** how many trips at most (最多跑一次 = 1, 0 = 全程网办) */
  maxVisits: number;
  materials: Material[];
  centers: CenterRef[];
}

export interface Page<T> {
  total: number;
  limit: number;
  offset: number;
  rows: T[];
}

/** The first page of an item search also carries the matching 一件事 bundles. */
export interface ItemSearchPage extends Page<ItemSummary> {
  /** bundles matching the same words (first page only; [] otherwise) */
  bundles: BundleSummary[];
  /** true when nothing matched as typed and these are items that sound alike (pinyin) */
  soundsLike: boolean;
}

/** 一件事一次办: several items one life event needs, handled as one matter at one window. */
export interface BundleSummary {
  id: string;
  code: string;
  name: string;
  summary: string;
  isSample: boolean;
  /** the items, the one a visit is booked for first */
  items: { id: string; name: string }[];
}

export interface BundleDetail extends Omit<BundleSummary, 'items'> {
  items: ItemDetail[];
  /** centres that offer every item of the bundle */
  centers: CenterRef[];
}

export interface Facet<V extends string = string> {
  value: V;
  label: string;
  count: number;
}

export interface CatalogueFacets {
  categories: Facet<ItemCategory>[];
  departments: Facet[];
}

export interface ApiErrorBody {
  error: { code: string; message: string; fields?: Record<string, string> };
}

export interface Health {
  status: 'ok';
  backend: 'pglite' | 'pg' | 'supabase';
  migration: string | null;
  mode: 'development' | 'production';
}
