// Sharing a checklist with the family: WeChat's share menu (a card that opens the guide) and the
// checklist as plain text on the clipboard, to paste into a family chat.
import Taro, { useShareAppMessage } from '@tarojs/taro';

/**
 * Copies text to the clipboard; resolves false when the platform refused. On H5 the browser's
 * clipboard is used directly (Taro's H5 version pops a toast, and elder mode shows no pop-ups:
 * the page confirms inline). WeChat shows its own short "内容已复制" notice.
 */
export async function copyText(text: string): Promise<boolean> {
  if (process.env.TARO_ENV === 'h5') return copyInBrowser(text);
  try {
    await Taro.setClipboardData({ data: text });
    return true;
  } catch {
    return false;
  }
}

async function copyInBrowser(text: string): Promise<boolean> {
  try {
    if (typeof navigator !== 'undefined' && navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // fall back below (an insecure origin or a refused permission)
  }
  try {
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.left = '-10000px';
    document.body.appendChild(area);
    area.select();
    const ok = document.execCommand('copy');
    document.body.removeChild(area);
    return ok;
  } catch {
    return false;
  }
}

/** True where a share button can send the page to a WeChat chat. */
export function canShareToChat(): boolean {
  return process.env.TARO_ENV === 'weapp';
}

export interface ShareMessage {
  title: string;
  /** a page URL from lib/routes */
  path: string;
}

/**
 * What WeChat's 转发 (the menu and share buttons) sends for this page. The page's config needs
 * `enableShareAppMessage: true`. A no-op outside WeChat.
 */
export function useShareMessage(message: () => ShareMessage): void {
  if (process.env.TARO_ENV === 'weapp') {
    // TARO_ENV is fixed at build time, so the hook is called on every render or never
    useShareAppMessage(() => message());
  }
}
