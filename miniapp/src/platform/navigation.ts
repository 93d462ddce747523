import Taro from '@tarojs/taro';

/**
 * Opens a page on top of the current one. WeChat keeps at most 10 pages; when the stack
 * is full, replace the current page instead of failing silently.
 */
export async function openPage(url: string): Promise<void> {
  try {
    await Taro.navigateTo({ url });
  } catch {
    await Taro.redirectTo({ url }).catch(() => undefined);
  }
}
