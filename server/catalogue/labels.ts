// The Chinese names of the catalogue's categories, handling modes and material forms.
import type { HandlingMode, ItemCategory, MaterialForm } from '../contract/catalogue';

export const CATEGORY_LABELS: Record<ItemCategory, string> = {
  permit: '行政许可',
  confirmation: '行政确认',
  public_service: '公共服务',
  convenience: '便民服务',
  other_power: '其他行权事项',
};

export const HANDLING_MODE_LABELS: Record<HandlingMode, string> = {
  immediate: '即办',
  commitment: '承诺办',
  joint: '联合办理',
  report_up: '上报协办',
  online: '网上办',
};

export const MATERIAL_FORM_LABELS: Record<MaterialForm, string> = {
  original: '原件',
  copy: '复印件',
  original_and_copy: '原件及复印件',
  electronic: '电子版',
};

export const ITEM_CATEGORIES = Object.keys(CATEGORY_LABELS) as ItemCategory[];
