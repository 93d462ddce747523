// The county admin's catalogue screens, as pure rules: the edit form ↔ the API's item, the
// materials list's order, and what an import report says and allows.
import type { HandlingMode, ItemCategory, MaterialForm } from '@contract/catalogue';
import type { AdminItem, CatalogueItemInput, CatalogueMaterialInput, ImportReport, ImportRowError } from '@contract/catalogue-admin';

export const CATEGORY_OPTIONS: { value: ItemCategory; label: string }[] = [
  { value: 'permit', label: '行政许可' },
  { value: 'confirmation', label: '行政确认' },
  { value: 'public_service', label: '公共服务' },
  { value: 'convenience', label: '便民服务' },
  { value: 'other_power', label: '其他行权事项' },
];

export const MODE_OPTIONS: { value: HandlingMode; label: string }[] = [
  { value: 'immediate', label: '即办' },
  { value: 'commitment', label: '承诺办' },
  { value: 'joint', label: '联合办理' },
  { value: 'report_up', label: '上报协办' },
  { value: 'online', label: '网上办' },
];

export const FORM_OPTIONS: { value: MaterialForm; label: string }[] = [
  { value: 'original', label: '原件' },
  { value: 'copy', label: '复印件' },
  { value: 'original_and_copy', label: '原件及复印件' },
  { value: 'electronic', label: '电子版' },
];

/** The edit form: numbers as typed text, so a half-typed value is not lost. */
export interface ItemForm {
  code: string;
  name: string;
  category: ItemCategory;
  departmentCode: string;
  handlingMode: HandlingMode;
  legalDays: string;
  promisedDays: string;
  feeText: string;
  summary: string;
  conditions: string;
  maxVisits: string;
  keywords: string;
  popularity: string;
  published: boolean;
  materials: MaterialForm_[];
}

export interface MaterialForm_ {
  name: string;
  form: MaterialForm;
  copies: string;
  condition: string;
  notes: string;
}

export function blankMaterial(): MaterialForm_ {
  return { name: '', form: 'original', copies: '1', condition: '', notes: '' };
}

export function blankItemForm(departmentCode = ''): ItemForm {
  return {
    code: '', name: '', category: 'public_service', departmentCode, handlingMode: 'immediate',
    legalDays: '1', promisedDays: '0', feeText: '不收费', summary: '', conditions: '', maxVisits: '1',
    keywords: '', popularity: '0', published: true, materials: [],
  };
}

export function itemToForm(item: AdminItem): ItemForm {
  return {
    code: item.code, name: item.name, category: item.category, departmentCode: item.departmentCode,
    handlingMode: item.handlingMode, legalDays: String(item.legalDays), promisedDays: String(item.promisedDays),
    feeText: item.feeText, summary: item.summary, conditions: item.conditions, maxVisits: String(item.maxVisits),
    keywords: item.keywords, popularity: String(item.popularity), published: item.published,
    materials: item.materials.map((m) => ({
      name: m.name, form: m.form, copies: String(m.copies), condition: m.condition ?? '', notes: m.notes ?? '',
    })),
  };
}

/** A typed whole number, or NaN (the server then names the field). Empty = NaN too. */
function whole(text: string): number {
  const t = text.trim();
  return /^\d+$/.test(t) ? Number(t) : Number.NaN;
}

/** What the form sends. Wrong numbers are sent as they are and refused with the server's message. */
export function formToInput(form: ItemForm): CatalogueItemInput {
  const materials: CatalogueMaterialInput[] = form.materials.map((m) => ({
    name: m.name.trim(), form: m.form, copies: whole(m.copies), condition: m.condition.trim() || null, notes: m.notes.trim() || null,
  }));
  return {
    code: form.code.trim(), name: form.name.trim(), category: form.category, departmentCode: form.departmentCode,
    handlingMode: form.handlingMode, legalDays: whole(form.legalDays), promisedDays: whole(form.promisedDays),
    feeText: form.feeText.trim() || '不收费', summary: form.summary.trim(), conditions: form.conditions.trim(),
    maxVisits: whole(form.maxVisits), keywords: form.keywords.trim(), popularity: whole(form.popularity || '0'),
    published: form.published, materials,
  };
}

/** The field messages the API answered (VALIDATION_FAILED), keyed as the form shows them. */
export function fieldMessage(fields: Record<string, string> | undefined, key: string): string | null {
  return fields?.[key] ?? null;
}

/** Moves one line up (-1) or down (+1); out of range leaves the list as it is. */
export function moveLine<T>(list: readonly T[], index: number, delta: -1 | 1): T[] {
  const to = index + delta;
  if (index < 0 || index >= list.length || to < 0 || to >= list.length) return [...list];
  const next = [...list];
  [next[index], next[to]] = [next[to]!, next[index]!];
  return next;
}

/** "MZ-001 MZ-002，MZ-003" → the codes in order, without repeats. */
export function parseCodes(text: string): string[] {
  return [...new Set(text.split(/[\s,，、;；]+/).map((c) => c.trim()).filter(Boolean))];
}

/** What the admin can do after a check: fix the file, nothing to do, or confirm. */
export function importNextStep(report: ImportReport): 'fix' | 'nothing' | 'confirm' | 'done' {
  if (!report.dryRun) return 'done';
  if (report.errors.length > 0) return 'fix';
  return report.created + report.updated === 0 ? 'nothing' : 'confirm';
}

export function importSummary(report: ImportReport): string {
  const verb = report.dryRun ? '将' : '已';
  return `${verb}新增 ${report.created} 个、更新 ${report.updated} 个事项，${report.unchanged} 个没有变化`;
}

export function importHeadline(report: ImportReport): string {
  switch (importNextStep(report)) {
    case 'fix':
      return `发现 ${report.errors.length} 处问题，请改正后重新选择文件`;
    case 'nothing':
      return '文件和现有目录完全一样，不需要导入';
    case 'confirm':
      return '检查通过，可以导入';
    default:
      return '导入完成';
  }
}

/** "事项表第5行" / "材料表第3行" / "材料表" */
export function errorPlace(e: ImportRowError): string {
  if (!e.sheet) return '';
  return e.row === null ? `${e.sheet}表` : `${e.sheet}表第${e.row}行`;
}

/** The file's name is shown back; anything but .xlsx / .csv is refused before uploading. */
export function spreadsheetKind(fileName: string): 'xlsx' | 'csv' | null {
  const m = /\.(xlsx|csv)$/i.exec(fileName.trim());
  return m ? (m[1]!.toLowerCase() as 'xlsx' | 'csv') : null;
}
