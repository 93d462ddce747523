import { useCallback, useEffect, useRef, useState } from 'react';
import { ActionKeys } from '@/lib/idempotency';
import { toApiError, type ApiError } from '@/platform/request';

export interface Submit<A> {
  /** true from the tap until the answer (the button shows 正在提交… and ignores taps) */
  pending: boolean;
  /** the last failure, with the server's plain message; null after a success or a new try */
  error: ApiError | null;
  /** sends; ignored while a send is pending */
  submit: (args: A) => void;
  /** sends the failed request again, with the same Idempotency-Key */
  retry: () => void;
  clearError: () => void;
}

/**
 * One user action that changes something on the server (book, cancel, reschedule, rate…).
 * The key is made when the person taps and reused while the same request is retried, so a retry
 * after a timeout can never do it twice; `describe` tells requests apart (default: JSON of args).
 */
export function useSubmit<A, R>(
  run: (args: A, idempotencyKey: string) => Promise<R>,
  onDone: (result: R, args: A) => void,
  describe: (args: A) => string = (args) => JSON.stringify(args),
): Submit<A> {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const keys = useRef(new ActionKeys());
  const busy = useRef(false);
  const lastArgs = useRef<{ args: A } | null>(null);
  const mounted = useRef(true);
  const runRef = useRef(run);
  const doneRef = useRef(onDone);
  const describeRef = useRef(describe);
  runRef.current = run;
  doneRef.current = onDone;
  describeRef.current = describe;

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const submit = useCallback((args: A) => {
    if (busy.current) return;
    busy.current = true;
    lastArgs.current = { args };
    setPending(true);
    setError(null);
    const key = keys.current.keyFor(describeRef.current(args));
    runRef.current(args, key).then(
      (result) => {
        busy.current = false;
        keys.current.finished();
        if (!mounted.current) return;
        setPending(false);
        doneRef.current(result, args);
      },
      (failure: unknown) => {
        busy.current = false;
        if (!mounted.current) return;
        setPending(false);
        setError(toApiError(failure));
      },
    );
  }, []);

  const retry = useCallback(() => {
    if (lastArgs.current) submit(lastArgs.current.args);
  }, [submit]);

  const clearError = useCallback(() => setError(null), []);

  return { pending, error, submit, retry, clearError };
}
