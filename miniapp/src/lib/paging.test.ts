import { ApiError } from './apiError';
import {
  hasMore,
  initialPagedState,
  nextOffset,
  pagedReducer,
  pagedView,
  type PagedState,
} from './paging';

const page = (offset: number, rows: string[], total: number) => ({
  type: 'loaded' as const,
  page: { offset, rows, total, limit: 2 },
});

describe('pagedReducer', () => {
  it('starts loading with nothing to show', () => {
    const state = initialPagedState<string>();
    expect(pagedView(state)).toBe('loading');
    expect(nextOffset(state)).toBe(0);
  });

  it('appends later pages and knows when more remain', () => {
    let state: PagedState<string> = initialPagedState();
    state = pagedReducer(state, page(0, ['a', 'b'], 3));
    expect(state.rows).toEqual(['a', 'b']);
    expect(hasMore(state)).toBe(true);
    expect(nextOffset(state)).toBe(2);

    state = pagedReducer(state, { type: 'more' });
    expect(state.status).toBe('more');
    expect(pagedView(state)).toBe('list');

    state = pagedReducer(state, page(2, ['c'], 3));
    expect(state.rows).toEqual(['a', 'b', 'c']);
    expect(hasMore(state)).toBe(false);
  });

  it('replaces the list when the first page comes again', () => {
    let state = pagedReducer(initialPagedState<string>(), page(0, ['a', 'b'], 4));
    state = pagedReducer(state, page(0, ['x'], 1));
    expect(state.rows).toEqual(['x']);
  });

  it('does not duplicate rows when a page is loaded twice', () => {
    let state = pagedReducer(initialPagedState<string>(), page(0, ['a', 'b'], 4));
    state = pagedReducer(state, page(2, ['c', 'd'], 4));
    state = pagedReducer(state, page(2, ['c', 'd'], 4));
    expect(state.rows).toEqual(['a', 'b', 'c', 'd']);
  });

  it('keeps shown rows when a later page fails', () => {
    let state = pagedReducer(initialPagedState<string>(), page(0, ['a', 'b'], 4));
    state = pagedReducer(state, { type: 'failed', error: new ApiError('NETWORK', '网络不给力') });
    expect(state.status).toBe('error');
    expect(state.rows).toEqual(['a', 'b']);
    expect(pagedView(state)).toBe('list');
  });

  it('shows the error block when the first page fails, and empty when nothing matched', () => {
    const failed = pagedReducer(initialPagedState<string>(), {
      type: 'failed',
      error: new ApiError('NETWORK', '网络不给力'),
    });
    expect(pagedView(failed)).toBe('error');
    const empty = pagedReducer(initialPagedState<string>(), page(0, [], 0));
    expect(pagedView(empty)).toBe('empty');
  });

  it('reset starts over', () => {
    const state = pagedReducer(initialPagedState<string>(), page(0, ['a'], 1));
    expect(pagedReducer(state, { type: 'reset' })).toEqual(initialPagedState());
  });

  it('remembers when shown rows are a saved copy', () => {
    let state = pagedReducer(initialPagedState<string>(), { ...page(0, ['a', 'b'], 4), savedAt: 50 });
    expect(state.savedAt).toBe(50);
    state = pagedReducer(state, { ...page(2, ['c'], 4), savedAt: 20 });
    expect(state.savedAt).toBe(20);
    state = pagedReducer(state, page(0, ['x'], 1));
    expect(state.savedAt).toBeNull();
  });
});
