import { useCallback, useEffect, useState, type DependencyList } from 'react';
import { toApiError, type ApiError } from '@/platform/request';

export type AsyncState<T> =
  | { status: 'loading' }
  | { status: 'error'; error: ApiError }
  | { status: 'ready'; data: T };

/**
 * Runs `load` when `deps` change (and on retry); answers of an earlier run are dropped,
 * so a slow first response can never overwrite a newer one.
 */
export function useAsync<T>(
  load: () => Promise<T>,
  deps: DependencyList,
): { state: AsyncState<T>; retry: () => void } {
  const [state, setState] = useState<AsyncState<T>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let current = true;
    setState({ status: 'loading' });
    load().then(
      (data) => {
        if (current) setState({ status: 'ready', data });
      },
      (error: unknown) => {
        if (current) setState({ status: 'error', error: toApiError(error) });
      },
    );
    return () => {
      current = false;
    };
    // `load` is a new closure each render; `deps` say when it really changes
  }, [...deps, attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { state, retry };
}
