// The county admin's catalogue: edits, publishing, bundles, departments, and the spreadsheet
// import and export. Who may do what (an active admin, own county only) and the atomic writes
// with their audit rows are enforced by the SQL functions of supabase/schemas/30_catalogue_admin.sql; this
// module validates, computes the search pinyin and turns spreadsheets into rows and back.
import { createHash } from 'node:crypto';
import type {
  AdminBundle, AdminItem, AdminItemPage, BundleInput, CatalogueItemInput, Department, DepartmentInput,
  ImportReport, PublishItemRequest, SaveItemResult,
} from '../contract/catalogue-admin';
import type { Caller, Database } from '../db/database';
import { apiError } from '../core/errors';
import { searchPinyin } from './pinyin';
import { sniffUpload } from './spreadsheet/decode';
import { readCsv, readXlsx } from './spreadsheet/read';
import { MAX_REPORTED_ERRORS, readRows } from './spreadsheet/rows';
import { type CatalogueExport, catalogueCsv, catalogueXlsx } from './spreadsheet/write';

const iso = (d: Date) => d.toISOString();
const hash = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex');

/** The row as the SQL functions take it: with the pinyin the database cannot compute. */
function withPinyin(row: CatalogueItemInput): CatalogueItemInput & { searchPinyin: string } {
  return { ...row, searchPinyin: searchPinyin([row.name, row.keywords]) };
}

export function listItems(db: Database, caller: Caller, q: { q?: string; published?: boolean; limit: number; offset: number }): Promise<AdminItemPage> {
  return db.rpc('admin_list_items', { p_q: q.q, p_published: q.published, p_limit: q.limit, p_offset: q.offset }, caller);
}

export function getItem(db: Database, caller: Caller, id: string): Promise<AdminItem> {
  return db.rpc('admin_get_item', { p_id: id }, caller);
}

/** Create (no id) or update an item with its materials, atomically. */
export function saveItem(
  db: Database,
  caller: Caller,
  row: CatalogueItemInput,
  now: Date,
  id: string | null,
  idempotencyKey: string | null,
): Promise<SaveItemResult> {
  return db.rpc(
    'admin_save_item',
    { p_row: withPinyin(row), p_now: iso(now), p_id: id ?? undefined, p_idempotency_key: idempotencyKey ?? undefined, p_request_hash: idempotencyKey ? hash({ id, row }) : undefined },
    caller,
  );
}

export function setPublished(db: Database, caller: Caller, id: string, input: PublishItemRequest, now: Date): Promise<AdminItem> {
  return db.rpc(
    'admin_set_item_published',
    { p_id: id, p_published: input.published, p_now: iso(now), p_keep_bookings: input.keepBookings ?? false },
    caller,
  );
}

export function listDepartments(db: Database, caller: Caller): Promise<{ departments: Department[] }> {
  return db.rpc('admin_list_departments', {}, caller);
}

export function saveDepartment(db: Database, caller: Caller, input: DepartmentInput, now: Date, id: string | null): Promise<Department> {
  return db.rpc(
    'admin_save_department',
    { p_code: input.code, p_name: input.name, p_sort_order: input.sortOrder, p_now: iso(now), p_id: id ?? undefined },
    caller,
  );
}

export function listBundles(db: Database, caller: Caller): Promise<{ bundles: AdminBundle[] }> {
  return db.rpc('admin_list_bundles', {}, caller);
}

export function saveBundle(
  db: Database,
  caller: Caller,
  input: BundleInput,
  now: Date,
  id: string | null,
  idempotencyKey: string | null,
): Promise<AdminBundle> {
  return db.rpc(
    'admin_save_bundle',
    {
      p_bundle: { ...input, searchPinyin: searchPinyin([input.name, input.keywords]) },
      p_now: iso(now),
      p_id: id ?? undefined,
      p_idempotency_key: idempotencyKey ?? undefined,
      p_request_hash: idempotencyKey ? hash({ id, input }) : undefined,
    },
    caller,
  );
}

/**
 * Check an uploaded spreadsheet and (unless a dry run) apply it in one transaction. The report
 * lists every problem; with any problem an apply writes nothing and fails with IMPORT_INVALID,
 * carrying the same report.
 */
export async function importCatalogue(db: Database, caller: Caller, bytes: Buffer, dryRun: boolean, now: Date): Promise<ImportReport> {
  // the departments also prove the caller is an admin before the file is looked at
  const { departments } = await listDepartments(db, caller);
  const sniffed = sniffUpload(bytes);
  const tables = sniffed.format === 'csv' ? readCsv(sniffed.text) : await readXlsx(bytes);
  const read = readRows(tables, departments);
  const failing = read.errors.length > 0;
  const summary = await db.rpc<Pick<ImportReport, 'created' | 'updated' | 'unchanged' | 'rows'>>(
    'import_catalogue',
    { p_rows: read.rows.map(withPinyin), p_dry_run: dryRun || failing, p_now: iso(now), p_replace_materials: read.materialsPresent },
    caller,
  );
  const errors = read.errors.length > MAX_REPORTED_ERRORS
    ? [
        ...read.errors.slice(0, MAX_REPORTED_ERRORS),
        { sheet: '', row: null, column: null, message: `另有${read.errors.length - MAX_REPORTED_ERRORS}处问题未列出，请先改正以上问题后再检查` },
      ]
    : read.errors;
  const report: ImportReport = {
    dryRun: dryRun || failing,
    format: sniffed.format,
    encoding: sniffed.format === 'csv' ? sniffed.encoding : null,
    itemRows: read.itemRows,
    materialRows: read.materialRows,
    errors,
    created: summary.created,
    updated: summary.updated,
    unchanged: summary.unchanged,
    materialsReplaced: read.materialsPresent,
    rows: summary.rows,
  };
  if (!dryRun && failing) throw apiError('IMPORT_INVALID', undefined, { report, errorCount: read.errors.length });
  return report;
}

export interface ExportFile {
  bytes: Buffer;
  contentType: string;
  filename: string;
}

export async function exportCatalogue(db: Database, caller: Caller, format: 'csv' | 'xlsx', now: Date): Promise<ExportFile> {
  const data = await db.rpc<CatalogueExport>('admin_export_catalogue', {}, caller);
  const day = new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10).replace(/-/g, '');
  const filename = `${data.county.name}便民服务事项目录-${day}.${format}`;
  return format === 'csv'
    ? { bytes: catalogueCsv(data), contentType: 'text/csv; charset=utf-8', filename }
    : {
        bytes: await catalogueXlsx(data, now),
        contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        filename,
      };
}
