// The choices on the booking page that are not about time: where to go and for whom.
import type { CenterRef } from '@contract/catalogue';

/**
 * The centre to preselect: the only one when there is one, else the last-used one if it
 * offers this item; '' lets the person choose.
 */
export function preselectedCenter(centers: readonly Pick<CenterRef, 'id'>[], lastUsed: string): string {
  if (centers.length === 1) return centers[0]?.id ?? '';
  return lastUsed !== '' && centers.some((c) => c.id === lastUsed) ? lastUsed : '';
}

/** Centres with the last-used one first (the rest in the server's order). */
export function centersLastUsedFirst<T extends Pick<CenterRef, 'id'>>(centers: readonly T[], lastUsed: string): T[] {
  const last = centers.find((c) => c.id === lastUsed);
  return last ? [last, ...centers.filter((c) => c !== last)] : [...centers];
}

/** A person the caller may book for, from GET /api/me. */
export interface Person {
  id: string;
  name: string;
  relation: 'self' | 'family' | 'agent_client' | string;
  consented: boolean;
}

export interface ApplicantChoice {
  id: string;
  /** "本人（王秀英）", "王秀英（家人）", "陈德福（代办对象）" */
  label: string;
  self: boolean;
}

const RELATION_LABELS: Record<string, string> = { family: '家人', agent_client: '代办对象' };

/** "为谁办理": the caller first, then the people who consented; others cannot be booked for. */
export function applicantChoices(people: readonly Person[]): ApplicantChoice[] {
  const usable = people.filter((p) => p.relation === 'self' || p.consented);
  const self = usable.filter((p) => p.relation === 'self');
  const others = usable.filter((p) => p.relation !== 'self');
  return [
    ...self.map((p) => ({ id: p.id, label: `本人（${p.name}）`, self: true })),
    ...others.map((p) => ({ id: p.id, label: `${p.name}（${RELATION_LABELS[p.relation] ?? '亲友'}）`, self: false })),
  ];
}

/** People linked to the caller who have not agreed yet: shown, so nobody wonders where they went. */
export function awaitingConsent(people: readonly Person[]): Person[] {
  return people.filter((p) => p.relation !== 'self' && !p.consented);
}
