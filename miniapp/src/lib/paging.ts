import type { Page } from '@contract/catalogue';
import type { ApiError } from './apiError';
import { olderSavedAt } from './fetched';

export const PAGE_SIZE = 20;

/**
 * A list loaded page by page. `status`:
 * loading = first page (nothing to show yet), more = next page on its way,
 * ready = idle, error = the last load failed (rows may still be shown).
 */
export interface PagedState<T> {
  status: 'loading' | 'more' | 'ready' | 'error';
  rows: T[];
  total: number;
  error: ApiError | null;
  /** when some shown rows are a copy saved on the phone (the network failed): the oldest copy's time */
  savedAt: number | null;
}

export type PagedAction<T> =
  | { type: 'reset' }
  | { type: 'more' }
  /** savedAt: the page is the phone's saved copy (see lib/fetched) */
  | { type: 'loaded'; page: Page<T>; savedAt?: number | null }
  | { type: 'failed'; error: ApiError };

export function initialPagedState<T>(): PagedState<T> {
  return { status: 'loading', rows: [], total: 0, error: null, savedAt: null };
}

export function pagedReducer<T>(state: PagedState<T>, action: PagedAction<T>): PagedState<T> {
  switch (action.type) {
    case 'reset':
      return initialPagedState<T>();
    case 'more':
      return { ...state, status: 'more', error: null };
    case 'loaded': {
      // offset 0 replaces the list; a later page is appended where it belongs
      const kept = state.rows.slice(0, action.page.offset);
      const savedAt = action.savedAt ?? null;
      return {
        status: 'ready',
        rows: [...kept, ...action.page.rows],
        total: action.page.total,
        error: null,
        savedAt: action.page.offset === 0 ? savedAt : olderSavedAt(state.savedAt, savedAt),
      };
    }
    case 'failed':
      return { ...state, status: 'error', error: action.error };
  }
}

/** Offset of the next page to ask for. */
export function nextOffset<T>(state: PagedState<T>): number {
  return state.rows.length;
}

export function hasMore<T>(state: PagedState<T>): boolean {
  return state.rows.length < state.total;
}

/** Which block a page should show for its list. */
export type PagedView = 'loading' | 'error' | 'empty' | 'list';

export function pagedView<T>(state: PagedState<T>): PagedView {
  if (state.rows.length > 0) return 'list';
  if (state.status === 'loading' || state.status === 'more') return 'loading';
  if (state.status === 'error') return 'error';
  return 'empty';
}
