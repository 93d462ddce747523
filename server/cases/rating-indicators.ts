// 好差评: the five levels and the standard indicators a resident can tick. The codes are part
// of the API and of the database (a CHECK on ratings.indicators lists the same codes).
import type { RatingLevel } from '../contract/cases';

export const RATING_INDICATORS = [
  { code: 'attitude', label: '服务态度' },
  { code: 'efficiency', label: '办事效率' },
  { code: 'guidance', label: '办事指南清楚' },
  { code: 'one_visit', label: '一次办成' },
  { code: 'environment', label: '窗口环境' },
  { code: 'fairness', label: '公正廉洁' },
] as const;

export type RatingIndicator = (typeof RATING_INDICATORS)[number]['code'];

export const RATING_INDICATOR_CODES = RATING_INDICATORS.map((i) => i.code) as [RatingIndicator, ...RatingIndicator[]];

export const RATING_LEVELS: Readonly<Record<RatingLevel, string>> = {
  5: '非常满意',
  4: '满意',
  3: '基本满意',
  2: '不满意',
  1: '非常不满意',
};

/** 不满意 and 非常不满意 open a rectification (整改) that the centre's manager follows up. */
export const FOLLOW_UP_MAX_LEVEL = 2;

export function needsFollowUp(level: RatingLevel): boolean {
  return level <= FOLLOW_UP_MAX_LEVEL;
}

/** The Chinese label of an indicator code, or the code itself when unknown. */
export function indicatorLabel(code: string): string {
  return RATING_INDICATORS.find((i) => i.code === code)?.label ?? code;
}
