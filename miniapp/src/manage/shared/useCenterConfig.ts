import type { CenterConfig } from '@contract/center-config';
import { useEffect, useState } from 'react';
import { useAsync, type AsyncState } from '@/hooks/useAsync';
import { useLoginRequired } from '@/hooks/useLoginRequired';
import { fetchCenterConfig } from '@/services/manage/manage';

/**
 * The configuration of the centre in the page's `id`, for its manager or the county admin.
 * After a change the server answers the whole configuration: `replace` shows it at once.
 */
export function useCenterConfig(centerId: string, back: string): {
  state: AsyncState<CenterConfig>;
  config: CenterConfig | null;
  replace: (next: CenterConfig) => void;
  retry: () => void;
} {
  const session = useLoginRequired(back);
  const { state, retry } = useAsync(() => (session ? fetchCenterConfig(centerId) : new Promise<CenterConfig>(() => undefined)), [centerId, session?.token]);
  const [config, setConfig] = useState<CenterConfig | null>(null);
  useEffect(() => {
    if (state.status === 'ready') setConfig(state.data);
  }, [state]);
  return { state, config, replace: setConfig, retry };
}
