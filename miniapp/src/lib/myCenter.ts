// "My centre": the centre the resident picked or last opened, remembered on the phone so the
// home screen starts with it.
import type { CenterKind, CenterRef, CenterSummary } from '@contract/catalogue';

export interface MyCenter extends CenterRef {
  township: string;
  /** the centre's public phone, for the checklist shared with the family ('' when unknown) */
  phone: string;
}

const KINDS: readonly CenterKind[] = ['center', 'station'];

export function toMyCenter(c: Pick<CenterSummary, 'id' | 'name' | 'kind' | 'township' | 'phone'>): MyCenter {
  return { id: c.id, name: c.name, kind: c.kind, township: c.township, phone: c.phone };
}

export function parseMyCenter(raw: unknown): MyCenter | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const { id, name, kind, township, phone } = raw as Record<string, unknown>;
  if (typeof id !== 'string' || id === '' || typeof name !== 'string') return null;
  if (!KINDS.includes(kind as CenterKind)) return null;
  return {
    id,
    name,
    kind: kind as CenterKind,
    township: typeof township === 'string' ? township : '',
    phone: typeof phone === 'string' ? phone : '',
  };
}

/** One choice per township: its township centre (stations are reached from there). */
export function townshipChoices<T extends Pick<CenterSummary, 'kind' | 'township'>>(centers: readonly T[]): T[] {
  const seen = new Set<string>();
  const out: T[] = [];
  for (const c of centers) {
    if (c.kind !== 'center' || seen.has(c.township)) continue;
    seen.add(c.township);
    out.push(c);
  }
  return out;
}

/** The remembered centre when it is still in the list (a closed centre is forgotten). */
export function findMyCenter<T extends Pick<CenterSummary, 'id'>>(centers: readonly T[], mine: MyCenter | null): T | null {
  if (!mine) return null;
  return centers.find((c) => c.id === mine.id) ?? null;
}
