// Tables of text → catalogue rows, with every problem reported by sheet, row and column in
// plain Chinese (nothing is written here). Labels are read back to codes, numbers checked,
// each row validated with the same schema as the edit form, duplicates and dangling
// materials found. A row with any problem is left out of the import and reported.
import type { z } from 'zod';
import type { ImportRowError } from '../../contract/catalogue-admin';
import type { Department } from '../../contract/catalogue-admin';
import { type CatalogueItemRow, catalogueItemInput, MAX_MATERIALS, materialInput } from '../catalogue-admin-requests';
import { unneutralise } from './cells';
import {
  CATEGORY_BY_LABEL, type Column, CONDITIONAL_LABEL, FORM_BY_LABEL, ITEM_COLUMNS, type ItemField, MATERIAL_COLUMNS,
  type MaterialField, MODE_BY_LABEL, NO, normaliseHeader, REQUIRED_LABEL, YES,
} from './layout';
import type { Table, TableRow, Tables } from './read';

export const MAX_REPORTED_ERRORS = 1000;

export interface ReadRows {
  /** rows without any problem, ready to import */
  rows: CatalogueItemRow[];
  errors: ImportRowError[];
  itemRows: number;
  materialRows: number;
  /** false when the file had no materials part (stored materials are then kept) */
  materialsPresent: boolean;
}

type Cells<F extends string> = Partial<Record<F, string>>;

class Problems {
  readonly list: ImportRowError[] = [];
  readonly badRows = new Set<string>();
  add(sheet: string, row: number | null, column: string | null, message: string): void {
    this.list.push({ sheet, row, column, message });
    if (row !== null) this.badRows.add(`${sheet}:${row}`);
  }
  has(sheet: string, row: number): boolean {
    return this.badRows.has(`${sheet}:${row}`);
  }
}

/** Which column of the table holds which field; header problems are reported. */
function mapHeader<F extends string>(table: Table, columns: Column<F>[], problems: Problems): Map<F, number> | null {
  const byName = new Map<string, Column<F>>();
  for (const c of columns) for (const name of [c.header, ...(c.aliases ?? [])]) byName.set(normaliseHeader(name), c);
  const found = new Map<F, number>();
  let ok = true;
  table.header.forEach((raw, index) => {
    const name = normaliseHeader(raw);
    if (name === '') return;
    const column = byName.get(name);
    if (!column) {
      problems.add(table.sheet, table.headerRow, raw.trim(), `不认识的列“${raw.trim()}”：请使用模板里的列名（可先导出一份作为模板）`);
      ok = false;
    } else if (found.has(column.field)) {
      problems.add(table.sheet, table.headerRow, column.header, `“${column.header}”列出现了两次`);
      ok = false;
    } else {
      found.set(column.field, index);
    }
  });
  const missing = columns.filter((c) => c.required && !found.has(c.field)).map((c) => `“${c.header}”`);
  if (missing.length) {
    problems.add(table.sheet, table.headerRow, null, `缺少必填的列：${missing.join('、')}`);
    ok = false;
  }
  return ok ? found : null;
}

function cellsOf<F extends string>(row: TableRow, map: Map<F, number>): Cells<F> {
  const out: Cells<F> = {};
  for (const [field, index] of map) out[field] = unneutralise(row.cells[index] ?? '').trim();
  return out;
}

/** "20", "20天", "20个工作日" → 20; "" → undefined; anything else → NaN (reported). */
export function readInteger(value: string | undefined, unit: RegExp | null = null): number | undefined {
  const v = (value ?? '').replace(/\s/g, '');
  if (v === '') return undefined;
  const m = /^(-?\d+)(.*)$/.exec(v);
  if (!m || (m[2] !== '' && !(unit && unit.test(m[2]!)))) return Number.NaN;
  return Number(m[1]);
}

const DAYS_UNIT = /^(个?工作日|天|日)$/;
const VISITS_UNIT = /^次$/;

export function readYesNo(value: string | undefined): boolean | undefined | null {
  const v = (value ?? '').trim();
  if (v === '') return undefined;
  if ([YES, '已发布', '发布', 'true', 'TRUE', '1'].includes(v)) return true;
  if ([NO, '未发布', '不发布', '停止发布', 'false', 'FALSE', '0'].includes(v)) return false;
  return null;
}

function header<F extends string>(columns: Column<F>[], field: F): string {
  return columns.find((c) => c.field === field)!.header;
}

/** Report a zod failure on the column its first path segment names. */
function reportIssues(
  problems: Problems,
  sheet: string,
  row: number,
  issues: z.core.$ZodIssue[],
  columnOf: (path: PropertyKey | undefined) => string | null,
): void {
  const seen = new Set<string>();
  for (const issue of issues) {
    const column = columnOf(issue.path[0]);
    const key = `${column}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.add(sheet, row, column, issue.message);
  }
}

/** Read and check every row of both tables against the county's departments. */
export function readRows(tables: Tables, departments: Pick<Department, 'code' | 'name'>[]): ReadRows {
  const problems = new Problems();
  const itemMap = mapHeader(tables.items, ITEM_COLUMNS, problems);
  const materialMap = tables.materials ? mapHeader(tables.materials, MATERIAL_COLUMNS, problems) : null;
  const itemRows = tables.items.rows.length;
  const materialRows = tables.materials?.rows.length ?? 0;
  if (!itemMap || (tables.materials && !materialMap)) {
    return { rows: [], errors: problems.list, itemRows, materialRows, materialsPresent: tables.materials !== null };
  }

  const departmentByName = new Map<string, string>();
  for (const d of departments) {
    departmentByName.set(d.name, d.code);
    departmentByName.set(d.code, d.code);
  }
  const itemSheet = tables.items.sheet;
  const ih = (f: ItemField) => header(ITEM_COLUMNS, f);

  // 事项
  const items = new Map<string, { row: number; input: Record<string, unknown> }>();
  const firstRowOfCode = new Map<string, number>();
  for (const row of tables.items.rows) {
    const c = cellsOf(row, itemMap);
    const input: Record<string, unknown> = {
      code: c.code ?? '',
      name: c.name ?? '',
      feeText: c.feeText ?? '',
      summary: c.summary ?? '',
      conditions: c.conditions ?? '',
      keywords: c.keywords ?? '',
    };
    const label = <V>(field: ItemField, map: Map<string, V>, message: string) => {
      const v = c[field] ?? '';
      if (v === '') return undefined;
      const value = map.get(v);
      if (value === undefined) problems.add(itemSheet, row.row, ih(field), message.replace('%s', v));
      return value;
    };
    input.category = label('category', CATEGORY_BY_LABEL, '事项类型“%s”不对：只能填行政许可、行政确认、公共服务、便民服务或其他行权事项');
    input.handlingMode = label('handlingMode', MODE_BY_LABEL, '办理方式“%s”不对：只能填即办、承诺办、联合办理、上报协办或网上办');
    const department = c.department ?? '';
    if (department !== '') {
      input.departmentCode = departmentByName.get(department);
      if (!input.departmentCode) {
        problems.add(itemSheet, row.row, ih('department'), `没有“${department}”这个实施部门：请填已有部门的名称，或先在“部门”里添加`);
      }
    }
    for (const [field, unit] of [['legalDays', DAYS_UNIT], ['promisedDays', DAYS_UNIT], ['maxVisits', VISITS_UNIT], ['popularity', null]] as const) {
      const n = readInteger(c[field], unit);
      if (Number.isNaN(n)) problems.add(itemSheet, row.row, ih(field), `${ih(field).replace(/（.*$/, '')}应填整数，如 20`);
      else input[field] = n;
    }
    // checked here too: the schema's own cross-field check waits until every field is valid
    if (typeof input.legalDays === 'number' && typeof input.promisedDays === 'number' && input.promisedDays > input.legalDays) {
      problems.add(itemSheet, row.row, ih('promisedDays'), '承诺时限不能超过法定时限');
    }
    const published = readYesNo(c.published);
    if (published === null) problems.add(itemSheet, row.row, ih('published'), '是否发布只能填“是”或“否”');
    else if (published !== undefined) input.published = published;

    const code = String(input.code);
    if (code !== '') {
      const first = firstRowOfCode.get(code);
      if (first !== undefined) {
        problems.add(itemSheet, row.row, ih('code'), `事项编码“${code}”与第${first}行重复：一个编码只能出现一次`);
      } else {
        firstRowOfCode.set(code, row.row);
        items.set(code, { row: row.row, input });
      }
    }
    const checked = catalogueItemInput.safeParse({ ...input, materials: [] });
    if (!checked.success) {
      const skip = new Set(problems.list.filter((p) => p.row === row.row && p.sheet === itemSheet).map((p) => p.column));
      const issues = checked.error.issues.filter((i) => !skip.has(columnOfItemField(i.path[0])));
      reportIssues(problems, itemSheet, row.row, issues, columnOfItemField);
    }
  }

  // 材料
  const materialsOf = new Map<string, { position: number; row: number; material: unknown }[]>();
  // items with any wrong material row: left out as a whole (a half checklist misleads)
  const badMaterialsOf = new Set<string>();
  if (tables.materials && materialMap) {
    const sheet = tables.materials.sheet;
    const mh = (f: MaterialField) => header(MATERIAL_COLUMNS, f);
    for (const row of tables.materials.rows) {
      const c = cellsOf(row, materialMap);
      const code = c.itemCode ?? '';
      if (code === '') problems.add(sheet, row.row, mh('itemCode'), '请填写这项材料属于哪个事项（事项编码）');
      else if (!firstRowOfCode.has(code)) {
        problems.add(sheet, row.row, mh('itemCode'), `事项编码“${code}”不在“事项”表中：材料只能属于同一文件里的事项`);
      }
      const position = readInteger(c.position);
      if (position === undefined || Number.isNaN(position) || position < 1 || position > MAX_MATERIALS) {
        problems.add(sheet, row.row, mh('position'), `序号应填1到${MAX_MATERIALS}的整数，决定材料的先后顺序`);
      }
      const formLabel = c.form ?? '';
      const form = FORM_BY_LABEL.get(formLabel);
      if (!form) {
        problems.add(sheet, row.row, mh('form'), formLabel === ''
          ? '请填写材料形式：原件、复印件、原件及复印件或电子版'
          : `材料形式“${formLabel}”不对：只能填原件、复印件、原件及复印件或电子版`);
      }
      const copies = readInteger(c.copies, /^份$/);
      if (Number.isNaN(copies)) problems.add(sheet, row.row, mh('copies'), '份数应填整数，如 1');
      const requirement = (c.requirement ?? '').trim();
      const condition = (c.condition ?? '').trim();
      if (requirement !== '' && requirement !== REQUIRED_LABEL && requirement !== CONDITIONAL_LABEL) {
        problems.add(sheet, row.row, mh('requirement'), `是否必需只能填“${REQUIRED_LABEL}”或“${CONDITIONAL_LABEL}”`);
      } else if (requirement === CONDITIONAL_LABEL && condition === '') {
        problems.add(sheet, row.row, mh('condition'), '“视情况”的材料要写判断问题，如“是否委托他人代办？”');
      } else if (requirement === REQUIRED_LABEL && condition !== '') {
        problems.add(sheet, row.row, mh('requirement'), '写了判断问题的材料，是否必需应填“视情况”（或删去判断问题）');
      }
      const material = { name: c.name ?? '', form: form ?? 'original', copies: Number.isNaN(copies) ? 1 : copies, condition, notes: c.notes ?? '' };
      const checked = materialInput.safeParse(material);
      if (!checked.success) {
        const columnOf = (p: PropertyKey | undefined) =>
          mh(({ name: 'name', form: 'form', copies: 'copies', condition: 'condition', notes: 'notes' } as Record<string, MaterialField>)[String(p)] ?? 'name');
        reportIssues(problems, sheet, row.row, checked.error.issues, columnOf);
      }
      if (code !== '' && position !== undefined && !Number.isNaN(position)) {
        const list = materialsOf.get(code) ?? [];
        const same = list.find((m) => m.position === position);
        if (same) problems.add(sheet, row.row, mh('position'), `事项“${code}”的材料序号${position}与第${same.row}行重复`);
        else list.push({ position, row: row.row, material: checked.success ? checked.data : null });
        materialsOf.set(code, list);
      }
      if (code !== '' && problems.has(sheet, row.row)) badMaterialsOf.add(code);
    }
  }

  // rows without problems, with their materials in order
  const rows: CatalogueItemRow[] = [];
  for (const [code, { row, input }] of items) {
    const materials = (materialsOf.get(code) ?? []).sort((a, b) => a.position - b.position);
    if (materials.length > MAX_MATERIALS) {
      problems.add(itemSheet, row, null, `一个事项最多${MAX_MATERIALS}项材料，这个事项有${materials.length}项`);
    }
    const materialsOk = !badMaterialsOf.has(code) && materials.every((m) => m.material !== null);
    if (problems.has(itemSheet, row) || !materialsOk) continue;
    const parsed = catalogueItemInput.safeParse({ ...input, materials: materials.map((m) => m.material) });
    if (parsed.success) rows.push(parsed.data);
  }
  return { rows, errors: sortErrors(problems.list), itemRows, materialRows, materialsPresent: tables.materials !== null };
}

function columnOfItemField(path: PropertyKey | undefined): string | null {
  const field = path === 'departmentCode' ? 'department' : String(path);
  return ITEM_COLUMNS.find((c) => c.field === field)?.header ?? null;
}

function sortErrors(errors: ImportRowError[]): ImportRowError[] {
  const sheetOrder = (s: string) => (s === '事项' ? 0 : 1);
  return [...errors].sort((a, b) => sheetOrder(a.sheet) - sheetOrder(b.sheet) || (a.row ?? 0) - (b.row ?? 0));
}
