// JSON shapes of the county admin's catalogue API (items, materials, bundles, departments,
// spreadsheet import and export). Type-only: shared by the API and the manage subpackage.
import type { HandlingMode, ItemCategory, MaterialForm } from './catalogue';

/** One line of an item's materials checklist, as edited and as in the spreadsheet. */
export interface CatalogueMaterialInput {
  name: string;
  form: MaterialForm;
  copies: number;
  /** the yes/no question for a conditional (视情况) material; null = always required */
  condition: string | null;
  notes: string | null;
}

/** An item as the admin edits it, and as one spreadsheet row (+ its material rows). */
export interface CatalogueItemInput {
  code: string;
  name: string;
  category: ItemCategory;
  departmentCode: string;
  handlingMode: HandlingMode;
  legalDays: number;
  promisedDays: number;
  /** '不收费' when free */
  feeText: string;
  summary: string;
  conditions: string;
  maxVisits: number;
  keywords: string;
  popularity: number;
  published: boolean;
  /** in order; replaces the stored list as a whole */
  materials: CatalogueMaterialInput[];
}

export interface AdminMaterial extends CatalogueMaterialInput {
  requirement: 'required' | 'conditional';
}

export interface AdminItem extends Omit<CatalogueItemInput, 'materials'> {
  id: string;
  departmentName: string;
  isSample: boolean;
  updatedAt: string;
  materials: AdminMaterial[];
}

export interface AdminItemRow {
  id: string;
  code: string;
  name: string;
  category: ItemCategory;
  departmentCode: string;
  departmentName: string;
  published: boolean;
  materialCount: number;
  isSample: boolean;
  updatedAt: string;
}

export interface AdminItemPage {
  total: number;
  limit: number;
  offset: number;
  rows: AdminItemRow[];
}

export interface SaveItemResult {
  status: 'created' | 'updated' | 'unchanged';
  item: AdminItem;
}

export interface PublishItemRequest {
  published: boolean;
  /** unpublish although future bookings exist (they stay valid) */
  keepBookings?: boolean;
}

export interface Department {
  id: string;
  code: string;
  name: string;
  sortOrder: number;
  itemCount?: number;
}

export interface DepartmentInput {
  code: string;
  name: string;
  sortOrder?: number;
}

export interface BundleInput {
  code: string;
  name: string;
  summary: string;
  keywords: string;
  popularity: number;
  published: boolean;
  /** item codes of the county; the first is the one a visit is booked for */
  itemCodes: string[];
}

export interface AdminBundle extends Omit<BundleInput, 'itemCodes'> {
  id: string;
  isSample: boolean;
  updatedAt: string;
  items: { id: string; code: string; name: string; published: boolean }[];
}

/** One problem found in an uploaded spreadsheet. */
export interface ImportRowError {
  /** '事项' or '材料' (sheet in XLSX, section in CSV) */
  sheet: string;
  /** spreadsheet row number as Excel/WPS shows it; null for a problem of the whole sheet */
  row: number | null;
  /** column header, or null when the problem is the row as a whole */
  column: string | null;
  message: string;
}

export interface ImportReport {
  dryRun: boolean;
  format: 'csv' | 'xlsx';
  /** how a CSV was decoded ('utf-8' or 'gb18030'); null for XLSX */
  encoding: 'utf-8' | 'gb18030' | null;
  /** item rows read (valid or not) */
  itemRows: number;
  materialRows: number;
  /** every problem; an import is applied only when this is empty */
  errors: ImportRowError[];
  /** for the valid rows: what the import does (or did) */
  created: number;
  updated: number;
  unchanged: number;
  /** false when the file had no materials part: stored materials were kept as they are */
  materialsReplaced: boolean;
  rows: { code: string; status: 'created' | 'updated' | 'unchanged' }[];
}
