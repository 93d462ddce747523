// 好差评: the five national levels and the standard indicators, and what the page says back.
import type { Rating, RatingLevel, RatingRequest } from '@contract/cases';

export interface RatingLevelChoice {
  level: RatingLevel;
  label: string;
}

/** Best first, as the national 好差评 form lists them. */
export const RATING_LEVELS: readonly RatingLevelChoice[] = [
  { level: 5, label: '非常满意' },
  { level: 4, label: '满意' },
  { level: 3, label: '基本满意' },
  { level: 2, label: '不满意' },
  { level: 1, label: '非常不满意' },
];

export interface IndicatorChoice {
  code: string;
  label: string;
}

export const RATING_INDICATORS: readonly IndicatorChoice[] = [
  { code: 'attitude', label: '服务态度' },
  { code: 'efficiency', label: '办事效率' },
  { code: 'guidance', label: '办事指南清楚' },
  { code: 'one_visit', label: '一次办成' },
  { code: 'environment', label: '窗口环境' },
  { code: 'fairness', label: '公正廉洁' },
];

export const COMMENT_MAX_LENGTH = 300;

export function levelLabel(level: number): string {
  return RATING_LEVELS.find((l) => l.level === level)?.label ?? '';
}

/** 不满意 and 非常不满意 are followed up (整改). */
export function isBadRating(level: number): boolean {
  return level <= 2;
}

/** Indicators ticked, in the form's order; unknown codes dropped. */
export function toggleIndicator(selected: readonly string[], code: string): string[] {
  const next = selected.includes(code) ? selected.filter((c) => c !== code) : [...selected, code];
  return RATING_INDICATORS.map((i) => i.code).filter((c) => next.includes(c));
}

/** The request body; an empty comment is left out. */
export function ratingRequest(level: RatingLevel, indicators: readonly string[], comment: string): RatingRequest {
  const trimmed = comment.trim().slice(0, COMMENT_MAX_LENGTH);
  return trimmed === ''
    ? { level, indicators: [...indicators] }
    : { level, indicators: [...indicators], comment: trimmed };
}

const DEFAULT_FOLLOW_UP = '我们已经记下您的意见，会有专人跟进整改，并把结果告诉您。';

/** What the page says after the rating was saved. */
export function ratingThanks(
  answer: Partial<Rating> & { followUpMessage?: string | null },
  level: number,
): { title: string; text: string } {
  const bad = answer.followUp ?? isBadRating(level);
  if (!bad) return { title: '谢谢您的评价', text: '您的评价会帮助中心把服务做得更好。' };
  const message = typeof answer.followUpMessage === 'string' ? answer.followUpMessage.trim() : '';
  return { title: '谢谢，我们会跟进', text: message !== '' ? message : DEFAULT_FOLLOW_UP };
}
