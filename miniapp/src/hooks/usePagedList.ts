import { useCallback, useEffect, useReducer, useRef, type DependencyList } from 'react';
import type { Page } from '@contract/catalogue';
import {
  hasMore,
  initialPagedState,
  nextOffset,
  pagedReducer,
  type PagedAction,
  type PagedState,
} from '@/lib/paging';
import { toApiError, type Fetched } from '@/platform/request';

export interface PagedList<T> {
  state: PagedState<T>;
  canLoadMore: boolean;
  loadMore: () => void;
  /** after a failure: reloads the first page, or the page that failed */
  retry: () => void;
  /** starts over from the first page (e.g. 重试 over a saved copy) */
  reload: () => void;
}

/**
 * A list loaded page by page with "加载更多". Changing `deps` (the filters) starts over;
 * answers for an older filter are ignored. `state.savedAt` says when shown rows are the phone's
 * saved copy (the network failed).
 */
export function usePagedList<T>(
  loadPage: (offset: number) => Promise<Fetched<Page<T>>>,
  deps: DependencyList,
): PagedList<T> {
  const [state, dispatch] = useReducer(
    pagedReducer as (s: PagedState<T>, a: PagedAction<T>) => PagedState<T>,
    undefined,
    () => initialPagedState<T>(),
  );
  const generation = useRef(0);
  const loadPageRef = useRef(loadPage);
  loadPageRef.current = loadPage;
  const stateRef = useRef(state);
  stateRef.current = state;

  // true while a page of the current list is on its way (a second tap must not ask again)
  const busy = useRef(false);

  const run = useCallback((offset: number) => {
    const mine = generation.current;
    busy.current = true;
    loadPageRef.current(offset).then(
      ({ data: page, savedAt }) => {
        if (generation.current !== mine) return;
        busy.current = false;
        dispatch({ type: 'loaded', page, savedAt });
      },
      (error: unknown) => {
        if (generation.current !== mine) return;
        busy.current = false;
        dispatch({ type: 'failed', error: toApiError(error) });
      },
    );
  }, []);

  // new filters: forget the old list and any answer still on its way for it
  useEffect(() => {
    generation.current += 1;
    dispatch({ type: 'reset' });
    run(0);
  }, deps);

  const loadMore = useCallback(() => {
    const current = stateRef.current;
    if (busy.current || !hasMore(current)) return;
    dispatch({ type: 'more' });
    run(nextOffset(current));
  }, [run]);

  const retry = useCallback(() => {
    const current = stateRef.current;
    if (busy.current) return;
    if (current.rows.length === 0) {
      generation.current += 1;
      dispatch({ type: 'reset' });
      run(0);
    } else {
      dispatch({ type: 'more' });
      run(nextOffset(current));
    }
  }, [run]);

  const reload = useCallback(() => {
    generation.current += 1;
    dispatch({ type: 'reset' });
    run(0);
  }, [run]);

  return { state, canLoadMore: hasMore(state), loadMore, retry, reload };
}
