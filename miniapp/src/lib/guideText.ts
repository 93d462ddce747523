import type { ItemDetail } from '@contract/catalogue';

const SMALL_NUMBERS = ['零', '一', '两', '三', '四', '五', '六', '七', '八', '九', '十'] as const;

/** 1 → "一", 2 → "两" … 10 → "十"; larger numbers stay digits. */
function spokenNumber(n: number): string {
  return SMALL_NUMBERS[n] ?? String(n);
}

/** "3个工作日"; 0 → "即办". */
export function workingDaysText(days: number): string {
  if (!Number.isFinite(days) || days <= 0) return '即办';
  return `${Math.round(days)}个工作日`;
}

/** For result lists: "承诺3个工作日", or "即办" when handled on the spot. */
export function promisedDaysText(days: number): string {
  const text = workingDaysText(days);
  return text === '即办' ? text : `承诺${text}`;
}

/** Explains 即办 in plain words on the guide page. */
export function promisedDaysLongText(days: number): string {
  return days > 0 ? workingDaysText(days) : '即办（材料齐全当场办好）';
}

export function feeText(fee: ItemDetail['fee']): string {
  if (fee.free) return '不收费';
  const text = fee.text.trim();
  return text === '' ? '收费，请向窗口咨询' : text;
}

/** 0 → "全程网办，不用跑", 1 → "最多跑一次", 2 → "最多跑两次". */
export function maxVisitsText(visits: number): string {
  if (!Number.isFinite(visits) || visits <= 0) return '全程网办，不用跑';
  return `最多跑${spokenNumber(Math.round(visits))}次`;
}
