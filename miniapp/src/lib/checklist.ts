// The resident's materials checklist for one item: what they already have ("我有了") and their
// answers to the yes/no questions that decide the conditional materials. Pure: the page keeps
// the state, the storage adapter remembers it per item on the phone.
import type { Material } from '@contract/catalogue';
import { materialFormLine, sortMaterials } from './materialText';

export interface ChecklistState {
  /** ids of the materials ticked "我有了" */
  have: string[];
  /** conditional material id → the answer to its question (true = 是) */
  answers: Record<string, boolean>;
}

export const EMPTY_CHECKLIST: ChecklistState = { have: [], answers: {} };

type MaterialLike = Pick<Material, 'id' | 'position' | 'name' | 'requirement' | 'condition' | 'form' | 'copies' | 'formLabel'>;

export type LineStatus =
  /** must be brought: required, or conditional answered 是 */
  | 'needed'
  /** conditional answered 否 */
  | 'not_needed'
  /** conditional, question not answered yet */
  | 'ask';

export interface ChecklistLine<M extends MaterialLike = Material> {
  material: M;
  status: LineStatus;
  have: boolean;
}

/** Every material in published order with what the resident said about it. */
export function checklistLines<M extends MaterialLike>(
  materials: readonly M[],
  state: ChecklistState,
): ChecklistLine<M>[] {
  return sortMaterials(materials).map((material) => {
    let status: LineStatus = 'needed';
    if (material.requirement === 'conditional') {
      const answer = state.answers[material.id];
      status = answer === undefined ? 'ask' : answer ? 'needed' : 'not_needed';
    }
    return { material, status, have: status === 'needed' && state.have.includes(material.id) };
  });
}

/** What to bring: required materials and conditional ones answered 是. */
export function neededMaterials<M extends MaterialLike>(materials: readonly M[], state: ChecklistState): M[] {
  return checklistLines(materials, state)
    .filter((l) => l.status === 'needed')
    .map((l) => l.material);
}

/** Needed and not ticked yet. */
export function missingMaterials<M extends MaterialLike>(materials: readonly M[], state: ChecklistState): M[] {
  return checklistLines(materials, state)
    .filter((l) => l.status === 'needed' && !l.have)
    .map((l) => l.material);
}

/** Conditional materials whose question is still open. */
export function openQuestions<M extends MaterialLike>(materials: readonly M[], state: ChecklistState): M[] {
  return checklistLines(materials, state)
    .filter((l) => l.status === 'ask')
    .map((l) => l.material);
}

export function toggleHave(state: ChecklistState, materialId: string): ChecklistState {
  const have = state.have.includes(materialId)
    ? state.have.filter((id) => id !== materialId)
    : [...state.have, materialId];
  return { ...state, have };
}

/** 是 adds the material to the list; 否 takes it off (and forgets its tick). */
export function answerQuestion(state: ChecklistState, materialId: string, yes: boolean): ChecklistState {
  return {
    have: yes ? state.have : state.have.filter((id) => id !== materialId),
    answers: { ...state.answers, [materialId]: yes },
  };
}

/** The yes/no question of a conditional material, always ending in "？". */
export function conditionQuestion(material: Pick<Material, 'name' | 'condition'>): string {
  const question = (material.condition ?? '').trim().replace(/[？?。.\s]+$/, '');
  if (question === '') return `需要带“${material.name}”吗？`;
  return `${question}？`;
}

/** "出门前带齐这3样"; "这件事不用带材料" when nothing is needed. */
export function summaryTitle(count: number): string {
  return count > 0 ? `出门前带齐这${count}样` : '这件事不用带材料';
}

/** "已备好2样，还差1样" / "都备好了". */
export function progressText(needed: number, missing: number): string {
  if (needed === 0) return '';
  if (missing === 0) return '都备好了，可以出门了';
  return `已备好${needed - missing}样，还差${missing}样`;
}

/** The inline warning before booking with something missing. */
export function bookingWarningText(missing: readonly Pick<Material, 'name'>[]): string {
  if (missing.length === 0) return '';
  return `还有${missing.length}样没准备好：${missing.map((m) => m.name).join('、')}，确定现在预约吗？`;
}

function materialShortLine(material: MaterialLike): string {
  const form = materialFormLine(material);
  return form ? `${material.name}（${form}）` : material.name;
}

export interface SharePlace {
  name: string;
  phone?: string;
}

/**
 * The plain-text list a resident copies into a family chat: the needed materials with what is
 * ready, the questions still open, where to go. No personal data: only the item and the ticks.
 */
export function checklistShareText<M extends MaterialLike>(
  itemName: string,
  materials: readonly M[],
  state: ChecklistState,
  place?: SharePlace | null,
): string {
  const lines = checklistLines(materials, state);
  const needed = lines.filter((l) => l.status === 'needed');
  const out: string[] = [`【${itemName}】${summaryTitle(needed.length)}：`];
  needed.forEach((line, index) => {
    out.push(`${index + 1}. ${materialShortLine(line.material)}——${line.have ? '已备好' : '还没准备好'}`);
  });
  for (const line of lines.filter((l) => l.status === 'ask')) {
    out.push(`还要问清：${conditionQuestion(line.material)}如果是，还要带${materialShortLine(line.material)}`);
  }
  if (place) {
    out.push(`办理地点：${place.name}${place.phone ? `，电话 ${place.phone}` : ''}`);
  }
  out.push('（来自“便民服务”小程序，以窗口要求为准）');
  return out.join('\n');
}

/** A stored checklist as we can trust it: known ids only, right types, anything else dropped. */
export function sanitizeChecklist(raw: unknown, materialIds?: readonly string[]): ChecklistState {
  if (typeof raw !== 'object' || raw === null) return EMPTY_CHECKLIST;
  const known = (id: unknown): id is string =>
    typeof id === 'string' && (materialIds === undefined || materialIds.includes(id));
  const rawHave = (raw as { have?: unknown }).have;
  const have = Array.isArray(rawHave) ? [...new Set(rawHave.filter(known))] : [];
  const answers: Record<string, boolean> = {};
  const rawAnswers = (raw as { answers?: unknown }).answers;
  if (typeof rawAnswers === 'object' && rawAnswers !== null) {
    for (const [id, value] of Object.entries(rawAnswers)) {
      if (known(id) && typeof value === 'boolean') answers[id] = value;
    }
  }
  return { have, answers };
}

/** All checklists on the phone: item id → state and when it was last changed. */
export interface StoredChecklists {
  v: 1;
  items: Record<string, ChecklistState & { t: number }>;
}

/** How many items' checklists the phone remembers (the oldest are forgotten). */
export const MAX_STORED_CHECKLISTS = 30;

export function parseStoredChecklists(raw: unknown): StoredChecklists {
  const empty: StoredChecklists = { v: 1, items: {} };
  if (typeof raw !== 'object' || raw === null || (raw as { v?: unknown }).v !== 1) return empty;
  const items = (raw as { items?: unknown }).items;
  if (typeof items !== 'object' || items === null) return empty;
  const out: StoredChecklists = { v: 1, items: {} };
  for (const [id, value] of Object.entries(items)) {
    const t = (value as { t?: unknown } | null)?.t;
    out.items[id] = { ...sanitizeChecklist(value), t: typeof t === 'number' ? t : 0 };
  }
  return out;
}

/** Stores one item's checklist; an empty one is forgotten, and only the newest MAX are kept. */
export function storeChecklist(
  all: StoredChecklists,
  itemId: string,
  state: ChecklistState,
  now: number,
  max = MAX_STORED_CHECKLISTS,
): StoredChecklists {
  const items = { ...all.items };
  if (state.have.length === 0 && Object.keys(state.answers).length === 0) delete items[itemId];
  else items[itemId] = { have: state.have, answers: state.answers, t: now };
  const kept = Object.entries(items)
    .sort((a, b) => b[1].t - a[1].t)
    .slice(0, max);
  return { v: 1, items: Object.fromEntries(kept) };
}
