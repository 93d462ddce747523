// What an admin may write into the catalogue: zod schemas mirroring every database constraint
// of items, materials, bundles and departments (supabase/schemas/10_catalogue.sql), so a bad
// value gets a plain message naming its field instead of a database error. The spreadsheet
// import validates each row with the same schemas.
import { z } from 'zod';
import type { HandlingMode, ItemCategory, MaterialForm } from '../contract/catalogue';
import { CATEGORY_LABELS, HANDLING_MODE_LABELS, MATERIAL_FORM_LABELS } from './labels';

export const ITEM_CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9-]{1,39}$/;
export const DEPARTMENT_CODE_PATTERN = /^[a-z][a-z0-9_]{1,39}$/;
export const FREE_FEE_TEXT = '不收费';

/** Text as stored: Windows line ends become \n, surrounding blanks go. */
export function cleanText(value: string): string {
  return value.replace(/\r\n?/g, '\n').trim();
}

const text = (label: string, min: number, max: number) =>
  z
    .string({ error: `请填写${label}` })
    .transform(cleanText)
    .pipe(
      z
        .string()
        .min(1, `请填写${label}`)
        .min(min, `${label}至少${min}个字`)
        .max(max, `${label}最多${max}个字`),
    );

const optionalText = (label: string, max: number) =>
  z
    .string()
    .nullish()
    .transform((v) => (v == null ? '' : cleanText(v)))
    .pipe(z.string().max(max, `${label}最多${max}个字`));

const nullableText = (label: string, min: number, max: number) =>
  z
    .string()
    .nullish()
    .transform((v) => (v == null || cleanText(v) === '' ? null : cleanText(v)))
    .pipe(z.string().min(min, `${label}至少${min}个字`).max(max, `${label}最多${max}个字`).nullable());

const int = (label: string, min: number, max: number) =>
  z
    .number({ error: `${label}应填数字` })
    .int(`${label}应填整数`)
    .min(min, `${label}不能小于${min}`)
    .max(max, `${label}不能大于${max}`);

const categories = Object.keys(CATEGORY_LABELS) as [ItemCategory, ...ItemCategory[]];
const modes = Object.keys(HANDLING_MODE_LABELS) as [HandlingMode, ...HandlingMode[]];
const forms = Object.keys(MATERIAL_FORM_LABELS) as [MaterialForm, ...MaterialForm[]];

export const itemCode = z
  .string({ error: '请填写事项编码' })
  .trim()
  .regex(ITEM_CODE_PATTERN, '事项编码只能用字母、数字和短横线，2到40位，如 MZ-001');

export const materialInput = z.object({
  name: text('材料名称', 2, 200),
  form: z.enum(forms, { error: '材料形式只能是原件、复印件、原件及复印件或电子版' }),
  copies: int('份数', 0, 20).default(1),
  condition: nullableText('判断问题', 2, 200),
  notes: nullableText('备注', 0, 500),
});

export const MAX_MATERIALS = 100;

export const catalogueItemInput = z
  .object({
    code: itemCode,
    name: text('事项名称', 2, 100),
    category: z.enum(categories, { error: '事项类型只能是行政许可、行政确认、公共服务、便民服务或其他行权事项' }),
    departmentCode: z.string({ error: '请选择实施部门' }).regex(DEPARTMENT_CODE_PATTERN, '部门代码格式不对'),
    handlingMode: z.enum(modes, { error: '办理方式只能是即办、承诺办、联合办理、上报协办或网上办' }),
    legalDays: int('法定时限', 0, 365),
    promisedDays: int('承诺时限', 0, 365),
    feeText: optionalText('收费说明', 200).transform((v) => v || FREE_FEE_TEXT),
    summary: text('办事指南', 1, 2000),
    conditions: text('受理条件', 1, 2000),
    maxVisits: int('最多跑几次', 0, 5),
    keywords: optionalText('别名/关键词', 500),
    popularity: int('热度', 0, 1_000_000).default(0),
    published: z.boolean({ error: '是否发布只能填“是”或“否”' }).default(true),
    materials: z.array(materialInput).max(MAX_MATERIALS, `一个事项最多${MAX_MATERIALS}项材料`).default([]),
  })
  .superRefine((item, ctx) => {
    if (item.promisedDays > item.legalDays) {
      ctx.addIssue({ code: 'custom', path: ['promisedDays'], message: '承诺时限不能超过法定时限' });
    }
  });

export type CatalogueItemRow = z.infer<typeof catalogueItemInput>;

export const bundleInput = z.object({
  code: z.string({ error: '请填写编码' }).trim().regex(ITEM_CODE_PATTERN, '编码只能用字母、数字和短横线，2到40位，如 YJS-001'),
  name: text('名称', 2, 100),
  summary: text('说明', 1, 2000),
  keywords: optionalText('别名/关键词', 500),
  popularity: int('热度', 0, 1_000_000).default(0),
  published: z.boolean().default(true),
  itemCodes: z
    .array(itemCode)
    .min(1, '请至少选一个事项')
    .max(30, '一件事最多包含30个事项')
    .refine((codes) => new Set(codes).size === codes.length, '事项重复了'),
});

export const departmentInput = z.object({
  code: z.string().trim().regex(DEPARTMENT_CODE_PATTERN, '部门代码只能用小写字母、数字和下划线，以字母开头，2到40位'),
  name: text('部门名称', 2, 40),
  sortOrder: int('排序', -10_000, 10_000).optional(),
});

export const publishInput = z.object({
  published: z.boolean({ error: '请说明是发布还是停止发布' }),
  keepBookings: z.boolean().optional(),
});

export const adminItemQuery = z.object({
  q: z
    .string()
    .trim()
    .max(50)
    .optional()
    .transform((v) => v || undefined),
  published: z.enum(['true', 'false']).optional().transform((v) => (v === undefined ? undefined : v === 'true')),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});

export const importQuery = z.object({
  dryRun: z.enum(['true', 'false', '1', '0']).default('true').transform((v) => v === 'true' || v === '1'),
});

export const exportQuery = z.object({
  format: z.enum(['csv', 'xlsx'], { error: '导出格式只能是 csv 或 xlsx' }).default('xlsx'),
});
