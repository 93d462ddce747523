// The county catalogue spreadsheet (docs/catalogue-spreadsheet.md): two tables with Chinese
// headers, 事项 (one row per item) and 材料 (one row per material, tied to its item by code).
// XLSX: two sheets. CSV: the 事项 table, a blank line, then the 材料 table.
import type { HandlingMode, ItemCategory, MaterialForm } from '../../contract/catalogue';
import { CATEGORY_LABELS, HANDLING_MODE_LABELS, MATERIAL_FORM_LABELS } from '../labels';

export const ITEM_SHEET = '事项';
export const MATERIAL_SHEET = '材料';

export type ItemField =
  | 'code' | 'name' | 'category' | 'department' | 'handlingMode' | 'legalDays' | 'promisedDays' | 'feeText'
  | 'summary' | 'conditions' | 'maxVisits' | 'keywords' | 'popularity' | 'published';
export type MaterialField = 'itemCode' | 'position' | 'name' | 'form' | 'copies' | 'requirement' | 'condition' | 'notes';

export interface Column<F extends string> {
  field: F;
  header: string;
  /** other headers people write for the same column (compared after normalising) */
  aliases?: string[];
  required: boolean;
  /** XLSX column width, in characters */
  width: number;
}

export const ITEM_COLUMNS: Column<ItemField>[] = [
  { field: 'code', header: '事项编码', required: true, width: 12 },
  { field: 'name', header: '事项名称', required: true, width: 28 },
  { field: 'category', header: '事项类型', required: true, width: 12 },
  { field: 'department', header: '实施部门', required: true, width: 18 },
  { field: 'handlingMode', header: '办理方式', required: true, width: 10 },
  { field: 'legalDays', header: '法定时限（工作日）', aliases: ['法定办结时限'], required: true, width: 10 },
  { field: 'promisedDays', header: '承诺时限（工作日）', aliases: ['承诺办结时限'], required: true, width: 10 },
  { field: 'feeText', header: '收费', aliases: ['收费标准', '是否收费'], required: false, width: 16 },
  { field: 'summary', header: '办事指南/摘要', aliases: ['办事指南', '摘要', '事项说明'], required: true, width: 50 },
  { field: 'conditions', header: '受理条件', required: true, width: 40 },
  { field: 'maxVisits', header: '最多跑几次', required: true, width: 8 },
  { field: 'keywords', header: '别名/关键词', aliases: ['别名', '关键词'], required: false, width: 24 },
  { field: 'popularity', header: '热度', required: false, width: 6 },
  { field: 'published', header: '是否发布', aliases: ['发布'], required: false, width: 8 },
];

export const MATERIAL_COLUMNS: Column<MaterialField>[] = [
  { field: 'itemCode', header: '所属事项编码', aliases: ['事项编码'], required: true, width: 12 },
  { field: 'position', header: '序号', required: true, width: 6 },
  { field: 'name', header: '材料名称', required: true, width: 30 },
  { field: 'form', header: '材料形式', required: true, width: 14 },
  { field: 'copies', header: '份数', required: false, width: 6 },
  { field: 'requirement', header: '是否必需', aliases: ['必需'], required: false, width: 8 },
  { field: 'condition', header: '判断问题（视情况时填）', aliases: ['情形'], required: false, width: 30 },
  { field: 'notes', header: '备注', required: false, width: 30 },
];

/** First cell of the 材料 header row: how a CSV's second part is recognised. */
export const MATERIAL_HEADER_MARK = MATERIAL_COLUMNS[0]!.header;

export const REQUIRED_LABEL = '必需';
export const CONDITIONAL_LABEL = '视情况';
export const YES = '是';
export const NO = '否';

/** "法定时限 (工作日)" → "法定时限": headers compare without blanks and bracketed notes. */
export function normaliseHeader(value: string): string {
  return value
    .replace(/^\uFEFF/, '')
    .replace(/[（(][^）)]*[）)]/g, '')
    .replace(/[\s*＊]/g, '')
    .trim();
}

function invert<V extends string>(labels: Record<V, string>, extra: Record<string, V> = {}): Map<string, V> {
  const map = new Map<string, V>();
  for (const [value, label] of Object.entries(labels) as [V, string][]) map.set(label, value);
  for (const [label, value] of Object.entries(extra)) map.set(label, value);
  return map;
}

export const CATEGORY_BY_LABEL = invert<ItemCategory>(CATEGORY_LABELS, { 其他权力事项: 'other_power' });
export const MODE_BY_LABEL = invert<HandlingMode>(HANDLING_MODE_LABELS, {
  联办: 'joint',
  上报: 'report_up',
  上报办: 'report_up',
  网办: 'online',
  承诺件: 'commitment',
  即办件: 'immediate',
});
export const FORM_BY_LABEL = invert<MaterialForm>(MATERIAL_FORM_LABELS, { 原件和复印件: 'original_and_copy', 电子材料: 'electronic' });
