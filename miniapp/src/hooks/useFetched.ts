import type { DependencyList } from 'react';
import type { Fetched } from '@/platform/request';
import { useAsync, type AsyncState } from './useAsync';

/**
 * useAsync for a service that may answer from the phone's saved copy: `state` carries the data,
 * `savedAt` is set when it is a saved copy (show the OfflineBanner).
 */
export function useFetched<T>(
  load: () => Promise<Fetched<T>>,
  deps: DependencyList,
): { state: AsyncState<T>; savedAt: number | null; retry: () => void } {
  const { state, retry } = useAsync(load, deps);
  if (state.status !== 'ready') return { state, savedAt: null, retry };
  return { state: { status: 'ready', data: state.data.data }, savedAt: state.data.savedAt, retry };
}
