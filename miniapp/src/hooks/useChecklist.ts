// One item's materials checklist, remembered on the phone (all items under one storage key,
// the newest 30 kept: see lib/checklist.ts).
import { useCallback, useEffect, useRef, useState } from 'react';
import {
  EMPTY_CHECKLIST,
  parseStoredChecklists,
  sanitizeChecklist,
  storeChecklist,
  type ChecklistState,
} from '@/lib/checklist';
import { readStored, removeStored, writeStored } from '@/platform/storage';

export const CHECKLISTS_KEY = 'checklists';

function readChecklist(itemId: string, materialIds: readonly string[]): ChecklistState {
  const stored = parseStoredChecklists(readStored(CHECKLISTS_KEY)).items[itemId];
  return stored ? sanitizeChecklist(stored, materialIds) : EMPTY_CHECKLIST;
}

/** Forgets every item's ticks and answers. */
export function clearChecklists(): void {
  removeStored(CHECKLISTS_KEY);
}

/**
 * The checklist of `itemId` (ticks of materials the item no longer lists are dropped) and a
 * setter that stores each change at once: a resident ticking at home may close WeChat any time.
 */
export function useChecklist(
  itemId: string,
  materialIds: readonly string[],
): [ChecklistState, (change: (state: ChecklistState) => ChecklistState) => void] {
  const idsKey = materialIds.join(',');
  const [state, setState] = useState<ChecklistState>(() => readChecklist(itemId, materialIds));
  const latest = useRef(state);
  latest.current = state;

  useEffect(() => {
    // another item (or its materials changed): read its checklist; nothing to do when equal
    const stored = readChecklist(itemId, materialIds);
    if (JSON.stringify(stored) === JSON.stringify(latest.current)) return;
    latest.current = stored;
    setState(stored);
  }, [itemId, idsKey]);

  const update = useCallback(
    (change: (s: ChecklistState) => ChecklistState) => {
      const next = change(latest.current);
      latest.current = next;
      setState(next);
      const all = parseStoredChecklists(readStored(CHECKLISTS_KEY));
      writeStored(CHECKLISTS_KEY, storeChecklist(all, itemId, next, Date.now()));
    },
    [itemId],
  );
  return [state, update];
}
