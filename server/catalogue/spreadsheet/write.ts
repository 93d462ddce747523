// Catalogue → spreadsheet, in the layout the import reads (layout.ts), so an export imports
// back to the same catalogue. CSV: UTF-8 with BOM (Excel and WPS then open it in the right
// encoding), CRLF line ends. Every text cell is neutralised against formula injection.
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import type { CatalogueItemInput } from '../../contract/catalogue-admin';
import { CATEGORY_LABELS, HANDLING_MODE_LABELS, MATERIAL_FORM_LABELS } from '../labels';
import { neutralise } from './cells';
import {
  CONDITIONAL_LABEL, ITEM_COLUMNS, ITEM_SHEET, MATERIAL_COLUMNS, MATERIAL_SHEET, NO, REQUIRED_LABEL, YES,
} from './layout';

export interface CatalogueExport {
  county: { code: string; name: string };
  departments: { code: string; name: string }[];
  items: CatalogueItemInput[];
}

type Cell = string | number;

function tables(data: CatalogueExport): { items: Cell[][]; materials: Cell[][] } {
  const departmentName = new Map(data.departments.map((d) => [d.code, d.name]));
  const items = data.items.map((it): Cell[] => [
    it.code,
    it.name,
    CATEGORY_LABELS[it.category],
    departmentName.get(it.departmentCode) ?? it.departmentCode,
    HANDLING_MODE_LABELS[it.handlingMode],
    it.legalDays,
    it.promisedDays,
    it.feeText,
    it.summary,
    it.conditions,
    it.maxVisits,
    it.keywords,
    it.popularity,
    it.published ? YES : NO,
  ]);
  const materials = data.items.flatMap((it) =>
    it.materials.map((m, i): Cell[] => [
      it.code,
      i + 1,
      m.name,
      MATERIAL_FORM_LABELS[m.form],
      m.copies,
      m.condition ? CONDITIONAL_LABEL : REQUIRED_LABEL,
      m.condition ?? '',
      m.notes ?? '',
    ]),
  );
  const safe = (rows: Cell[][]) => rows.map((r) => r.map((c) => (typeof c === 'string' ? neutralise(c) : c)));
  return { items: safe(items), materials: safe(materials) };
}

export function catalogueCsv(data: CatalogueExport): Buffer {
  const t = tables(data);
  const options = { record_delimiter: '\r\n' as const };
  const itemPart = stringify([ITEM_COLUMNS.map((c) => c.header), ...t.items], options);
  const materialPart = stringify([MATERIAL_COLUMNS.map((c) => c.header), ...t.materials], options);
  return Buffer.from(`\uFEFF${itemPart}\r\n${materialPart}`, 'utf8');
}

export async function catalogueXlsx(data: CatalogueExport, now: Date): Promise<Buffer> {
  const t = tables(data);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = `${data.county.name}便民服务事项目录`;
  workbook.created = now;
  workbook.modified = now;
  const sheet = (name: string, columns: { header: string; width: number }[], rows: Cell[][]) => {
    const ws = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = columns.map((c) => ({ header: c.header, width: c.width }));
    ws.getRow(1).font = { bold: true };
    for (const r of rows) ws.addRow(r);
    // long texts wrap instead of running over their neighbours
    ws.eachRow((row, n) => {
      if (n > 1) row.alignment = { vertical: 'top', wrapText: true };
    });
  };
  sheet(ITEM_SHEET, ITEM_COLUMNS, t.items);
  sheet(MATERIAL_SHEET, MATERIAL_COLUMNS, t.materials);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
