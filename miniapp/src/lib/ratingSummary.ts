// How the 好差评 summary is said to a manager: plain numbers, no charts to squint at.
import type { RatingSummary } from '@contract/cases';
import { RATING_INDICATORS } from './rating';

/** "满意率 92%（25条评价中23条满意）" / "还没有评价". */
export function satisfactionText(s: Pick<RatingSummary, 'total' | 'satisfied' | 'satisfactionRate'>): string {
  if (s.total === 0 || s.satisfactionRate === null) return '还没有评价';
  return `满意率 ${Math.round(s.satisfactionRate * 100)}%（${s.total}条评价中${s.satisfied}条满意）`;
}

/** "2条整改待办，其中1条已超期" / "没有待办的整改". */
export function followUpText(s: Pick<RatingSummary, 'openFollowUps' | 'overdueFollowUps'>): string {
  if (s.openFollowUps === 0) return '没有待办的整改';
  return `${s.openFollowUps}条整改待办${s.overdueFollowUps > 0 ? `，其中${s.overdueFollowUps}条已超期` : ''}`;
}

/** The indicators people ticked, most often first: "办事效率 3次、服务态度 1次". */
export function indicatorText(counts: Record<string, number>): string {
  const labels: Record<string, string> = Object.fromEntries(RATING_INDICATORS.map((i) => [i.code, i.label]));
  const entries = Object.entries(counts).filter(([, n]) => n > 0);
  if (entries.length === 0) return '';
  return entries
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([code, n]) => `${labels[code] ?? code} ${n}次`)
    .join('、');
}
