import Taro, { useRouter } from '@tarojs/taro';
import { readParam } from '@/lib/query';

/** The current page's query parameters as decoded, trimmed text ('' when absent). */
export function usePageParam(key: string): string {
  const { params } = useRouter();
  return readParam(params, key);
}

/** Shows the centre's or item's name in the title bar (best effort). */
export function setPageTitle(title: string): void {
  Taro.setNavigationBarTitle({ title }).catch(() => undefined);
}
