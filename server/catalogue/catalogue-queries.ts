// Validation of the catalogue's query strings: what a client may ask for, with limits.
import { z } from 'zod';
import { id as uuid } from '../core/request-fields';
import type { ItemCategory } from '../contract/catalogue';
import { ITEM_CATEGORIES } from './labels';

const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((v) => (v === '' ? undefined : v));

const county = z.string().regex(/^[0-9]{6}$/, '县级行政区划代码应为6位数字');

export const centerQuery = z.object({
  kind: z.enum(['center', 'station']).optional(),
  q: text(50),
  county: county.optional(),
});

export const itemQuery = z.object({
  q: text(50),
  category: z.enum(ITEM_CATEGORIES as [ItemCategory, ...ItemCategory[]]).optional(),
  department: z.string().regex(/^[a-z][a-z0-9_]{1,39}$/, '部门代码格式不对').optional(),
  center: uuid.optional(),
  county: county.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});

export const facetQuery = z.object({
  center: uuid.optional(),
  county: county.optional(),
});
