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

/** Replaces the current page (e.g. the booking form by the booking it made: "back" skips the form). */
export async function replacePage(url: string): Promise<void> {
  try {
    await Taro.redirectTo({ url });
  } catch {
    await Taro.navigateTo({ url }).catch(() => undefined);
  }
}
