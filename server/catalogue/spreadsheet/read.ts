// Uploaded spreadsheet → two tables of text cells (事项, 材料) with the row numbers Excel/WPS
// show, before any meaning is given to them (rows.ts does that).
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { apiError } from '../../core/errors';
import { MAX_ITEM_ROWS, MAX_MATERIAL_ROWS } from './decode';
import { ITEM_SHEET, MATERIAL_HEADER_MARK, MATERIAL_SHEET, normaliseHeader } from './layout';

export interface TableRow {
  /** row number as the spreadsheet program shows it */
  row: number;
  cells: string[];
}

export interface Table {
  sheet: string;
  headerRow: number;
  header: string[];
  rows: TableRow[];
}

export interface Tables {
  items: Table;
  /** null when the file has no materials part at all */
  materials: Table | null;
}

const isBlank = (cells: string[]) => cells.every((c) => c.trim() === '');

/** Read both parts of a CSV: the 事项 table, then (after its own header row) the 材料 table. */
export function readCsv(text: string): Tables {
  let records: string[][];
  try {
    records = parse(text, {
      bom: true,
      relax_column_count: true,
      skip_empty_lines: false,
      // a stray quote in a cell is taken as a character, as Excel does
      relax_quotes: true,
      // more records than any allowed file can hold: stop reading instead of parsing everything
      to: MAX_ITEM_ROWS + MAX_MATERIAL_ROWS + 10,
    }) as string[][];
  } catch {
    throw apiError('IMPORT_FILE_UNREADABLE');
  }
  if (records.length >= MAX_ITEM_ROWS + MAX_MATERIAL_ROWS + 10) throw apiError('IMPORT_TOO_MANY_ROWS', undefined, { max: MAX_ITEM_ROWS });
  const numbered = records.map((cells, i) => ({ row: i + 1, cells })).filter((r) => !isBlank(r.cells));
  const split = numbered.findIndex((r) => normaliseHeader(r.cells[0] ?? '') === normaliseHeader(MATERIAL_HEADER_MARK));
  const itemPart = split < 0 ? numbered : numbered.slice(0, split);
  const materialPart = split < 0 ? null : numbered.slice(split);
  return {
    items: toTable(ITEM_SHEET, itemPart),
    materials: materialPart ? toTable(MATERIAL_SHEET, materialPart) : null,
  };
}

function toTable(sheet: string, rows: TableRow[]): Table {
  const [header, ...body] = rows;
  if (!header) throw apiError('IMPORT_FILE_EMPTY');
  checkRowCount(sheet, body.length);
  return { sheet, headerRow: header.row, header: header.cells, rows: body };
}

function checkRowCount(sheet: string, count: number): void {
  if (count > (sheet === MATERIAL_SHEET ? MAX_MATERIAL_ROWS : MAX_ITEM_ROWS)) {
    throw apiError('IMPORT_TOO_MANY_ROWS', undefined, { max: MAX_ITEM_ROWS });
  }
}

/** Read the 事项 and 材料 sheets of a workbook (by name; else the first two sheets). */
export async function readXlsx(bytes: Buffer): Promise<Tables> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw apiError('IMPORT_FILE_UNREADABLE');
  }
  const sheets = workbook.worksheets.filter((s) => s.state !== 'veryHidden');
  const itemSheet = workbook.getWorksheet(ITEM_SHEET) ?? sheets[0];
  const materialSheet = workbook.getWorksheet(MATERIAL_SHEET) ?? sheets.find((s) => s !== itemSheet && looksLikeMaterials(s));
  if (!itemSheet) throw apiError('IMPORT_FILE_EMPTY');
  return {
    items: sheetTable(itemSheet, ITEM_SHEET),
    materials: materialSheet ? sheetTable(materialSheet, MATERIAL_SHEET) : null,
  };
}

function looksLikeMaterials(sheet: ExcelJS.Worksheet): boolean {
  const first = sheet.getRow(1).getCell(1);
  return normaliseHeader(cellText(first.value)) === normaliseHeader(MATERIAL_HEADER_MARK);
}

function sheetTable(sheet: ExcelJS.Worksheet, name: string): Table {
  checkRowCount(name, sheet.actualRowCount - 1);
  const rows: TableRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    const count = Math.min(row.cellCount, 100);
    for (let c = 1; c <= count; c++) cells.push(cellText(row.getCell(c).value));
    if (!isBlank(cells)) rows.push({ row: rowNumber, cells });
  });
  return toTable(name, rows);
}

/** A cell's value as the text a person sees: formulas by their result, rich text joined. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(12)));
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as { result?: ExcelJS.CellValue }).result;
    return result === undefined || (typeof result === 'object' && result !== null && 'error' in result) ? '' : cellText(result);
  }
  if ('text' in value) return String(value.text);
  if ('error' in value) return '';
  return '';
}
