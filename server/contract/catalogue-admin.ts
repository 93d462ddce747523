// JSON shapes of the county admin's catalogue API (items, materials, bundles, departments,
// spreadsheet import and export). The answers are zod schemas (named for the OpenAPI document
// and checked against every API test answer); the request shapes stay plain types (their zod
// schemas, with the field messages, are in server/catalogue/catalogue-admin-requests.ts).
// Type-only for the mini-program's manage subpackage.
import { z } from 'zod';
import { handlingMode, itemCategory, materialForm, type HandlingMode, type ItemCategory, type MaterialForm } from './catalogue';
import { instant, named, uuid } from './registry';

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

export interface PublishItemRequest {
  published: boolean;
  /** unpublish although future bookings exist (they stay valid) */
  keepBookings?: boolean;
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

// ---------------------------------------------------------------------------------------
// Answers

export const adminMaterial = named(
  'AdminMaterial',
  z.object({
    name: z.string(),
    form: materialForm,
    copies: z.int(),
    requirement: z.enum(['required', 'conditional']).meta({ description: 'conditional = 视情况, decided by `condition`' }),
    condition: z.string().nullable().meta({ description: 'the yes/no question for a conditional (视情况) material; null = always required' }),
    notes: z.string().nullable(),
  }),
);
export type AdminMaterial = z.infer<typeof adminMaterial>;

export const adminItem = named(
  'AdminItem',
  z.object({
    id: uuid,
    code: z.string(),
    name: z.string(),
    category: itemCategory,
    departmentCode: z.string(),
    departmentName: z.string(),
    handlingMode,
    legalDays: z.int(),
    promisedDays: z.int(),
    feeText: z.string().meta({ description: '不收费 when free' }),
    summary: z.string(),
    conditions: z.string(),
    maxVisits: z.int(),
    keywords: z.string(),
    popularity: z.int(),
    published: z.boolean(),
    isSample: z.boolean(),
    updatedAt: instant,
    materials: z.array(adminMaterial).meta({ description: 'in order' }),
  }),
  'an item of the county as the admin edits it, published or not',
);
export type AdminItem = z.infer<typeof adminItem>;

export const adminItemRow = named(
  'AdminItemRow',
  z.object({
    id: uuid,
    code: z.string(),
    name: z.string(),
    category: itemCategory,
    departmentCode: z.string(),
    departmentName: z.string(),
    published: z.boolean(),
    materialCount: z.int(),
    isSample: z.boolean(),
    updatedAt: instant,
  }),
);
export type AdminItemRow = z.infer<typeof adminItemRow>;

export const adminItemPage = named('AdminItemPage', z.object({ total: z.int(), limit: z.int(), offset: z.int(), rows: z.array(adminItemRow) }));
export type AdminItemPage = z.infer<typeof adminItemPage>;

const saveStatus = z.enum(['created', 'updated', 'unchanged']);

export const saveItemResult = named(
  'SaveItemResult',
  z.object({ status: saveStatus.meta({ description: 'whether anything changed' }), item: adminItem }),
);
export type SaveItemResult = z.infer<typeof saveItemResult>;

const departmentFields = { id: uuid, code: z.string(), name: z.string(), sortOrder: z.int() };
export const department = named('Department', z.object(departmentFields));
/** a department; `itemCount` only in the list */
export type Department = z.infer<typeof department> & { itemCount?: number };

export const departmentList = named(
  'DepartmentList',
  z.object({ departments: z.array(z.object({ ...departmentFields, itemCount: z.int() })).meta({ description: 'in display order' }) }),
);
export type DepartmentList = z.infer<typeof departmentList>;

export const adminBundle = named(
  'AdminBundle',
  z.object({
    id: uuid,
    code: z.string(),
    name: z.string(),
    summary: z.string(),
    keywords: z.string(),
    popularity: z.int(),
    published: z.boolean(),
    isSample: z.boolean(),
    updatedAt: instant,
    items: z
      .array(z.object({ id: uuid, code: z.string(), name: z.string(), published: z.boolean() }))
      .meta({ description: 'in order; the first is the one a visit is booked for' }),
  }),
);
export type AdminBundle = z.infer<typeof adminBundle>;

export const adminBundleList = named('AdminBundleList', z.object({ bundles: z.array(adminBundle) }));
export type AdminBundleList = z.infer<typeof adminBundleList>;

/** One problem found in an uploaded spreadsheet. */
export const importRowError = named(
  'ImportRowError',
  z.object({
    sheet: z.string().meta({ description: '事项 or 材料 (sheet in XLSX, section in CSV)' }),
    row: z.int().nullable().meta({ description: 'row number as Excel/WPS show it; null for a problem of the whole sheet' }),
    column: z.string().nullable().meta({ description: 'column header, or null when the problem is the row as a whole' }),
    message: z.string().meta({ description: 'plain Chinese' }),
  }),
);
export type ImportRowError = z.infer<typeof importRowError>;

export const importReport = named(
  'ImportReport',
  z.object({
    dryRun: z.boolean().meta({ description: 'true when nothing was written (asked for, or the file has problems)' }),
    format: z.enum(['csv', 'xlsx']),
    encoding: z.enum(['utf-8', 'gb18030']).nullable().meta({ description: 'how a CSV was decoded; null for XLSX' }),
    itemRows: z.int().meta({ description: 'item rows read (valid or not)' }),
    materialRows: z.int(),
    errors: z.array(importRowError).meta({ description: 'every problem; an import is applied only when this is empty' }),
    created: z.int(),
    updated: z.int(),
    unchanged: z.int(),
    materialsReplaced: z.boolean().meta({ description: 'false when the file had no 材料 part: stored materials were kept' }),
    rows: z.array(z.object({ code: z.string(), status: saveStatus })).meta({ description: 'for the valid rows: what the import does (or did)' }),
  }),
  'what an import does (dry run) or did; see docs/catalogue-spreadsheet.md',
);
export type ImportReport = z.infer<typeof importReport>;
