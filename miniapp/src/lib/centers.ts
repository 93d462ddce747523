import type { CenterKind, CenterSummary } from '@contract/catalogue';

export interface CenterGroup<T> {
  kind: CenterKind;
  title: string;
  centers: T[];
}

export function centerKindLabel(kind: CenterKind): string {
  return kind === 'center' ? '中心' : '服务站';
}

export function centerKindLongLabel(kind: CenterKind): string {
  return kind === 'center' ? '乡镇便民服务中心' : '便民服务站';
}

/** Township centres first, then stations, each in the order the server sent; empty groups left out. */
export function groupCentersByKind<T extends Pick<CenterSummary, 'kind'>>(
  centers: readonly T[],
): CenterGroup<T>[] {
  const order: CenterKind[] = ['center', 'station'];
  return order
    .map((kind) => ({
      kind,
      title: centerKindLongLabel(kind),
      centers: centers.filter((c) => c.kind === kind),
    }))
    .filter((group) => group.centers.length > 0);
}

/** Digits and dashes only, for the dialler ("0817-8221234" → "0817-8221234", "0817 822 1234" → "08178221234"). */
export function dialableNumber(phone: string): string {
  return phone.replace(/[^\d+-]/g, '');
}
