// Logging in, on the platform's side: WeChat's login code, the privacy-authorization event, and
// going to the login page and back. What to send to our API is in services/auth.
import Taro from '@tarojs/taro';
import { safeBack } from '@/lib/loginBack';
import { readParam, withQuery } from '@/lib/query';
import { pathOf, urlOf } from '@/lib/routes';
import { isWeapp } from './system';

/** A one-time code from wx.login, for POST /api/auth/wechat (valid five minutes, used once). */
export async function wechatLoginCode(): Promise<string> {
  const { code } = await Taro.login({ timeout: 10_000 });
  if (typeof code !== 'string' || code === '') throw new Error('wx.login gave no code');
  return code;
}

/** Query keys the frameworks add to a page's params (not ours). */
const FRAMEWORK_PARAMS = new Set(['stamp', '$taroTimestamp']);

/** The current page as a URL ("/pages/book/index?item=…"), to come back to after login. */
export function currentPageUrl(): string {
  const router = Taro.getCurrentInstance().router;
  if (!router) return '';
  const path = `/${String(router.path ?? '').replace(/^\/+/, '').split('?')[0]}`;
  const params = router.params ?? {};
  const query: Record<string, string> = {};
  for (const key of Object.keys(params)) {
    if (!FRAMEWORK_PARAMS.has(key)) query[key] = readParam(params, key);
  }
  return withQuery(path, query);
}

let goingToLogin = false;

/**
 * Replaces the current page with the login page, which comes back here afterwards.
 * Several failing calls at once lead there only once.
 */
export async function goToLogin(back: string = currentPageUrl()): Promise<void> {
  if (goingToLogin || back.startsWith(pathOf('login'))) return;
  goingToLogin = true;
  try {
    await Taro.redirectTo({ url: urlOf('login', { back: safeBack(back) }) });
  } catch {
    await Taro.navigateTo({ url: urlOf('login', { back: safeBack(back) }) }).catch(() => undefined);
  } finally {
    goingToLogin = false;
  }
}

/** After logging in: back to the page that asked, else the previous page, else home. */
export async function returnAfterLogin(back: string): Promise<void> {
  const target = safeBack(back);
  if (target !== '') {
    await Taro.redirectTo({ url: target }).catch(() => Taro.reLaunch({ url: target }));
    return;
  }
  if (Taro.getCurrentPages().length > 1) {
    await Taro.navigateBack().catch(() => undefined);
    return;
  }
  await Taro.reLaunch({ url: urlOf('home') }).catch(() => undefined);
}

/** WeChat's resolve for a pending privacy-protected call. */
type PrivacyResolve = (answer: { event: 'agree' | 'disagree' | 'exposureAuthorization'; buttonId?: string }) => void;

/** The id of the 同意 button (open-type agreePrivacyAuthorization) WeChat checks on agree. */
export const PRIVACY_AGREE_BUTTON_ID = 'privacy-agree';

let pendingPrivacy: PrivacyResolve | null = null;
let noticeOnScreen: (() => void) | null = null;
let listening = false;

/**
 * wx.onNeedPrivacyAuthorization (base library ≥ 2.32.3): WeChat holds a privacy-protected call
 * until the app has shown its notice and the person answered. Our notice is on the login page:
 * if it is open, `show` is called; else the login page opens on top in notice mode (it goes back
 * after the answer, and the held call goes on or fails). Nothing happens on H5 or older WeChat.
 * Returns the function that stops using `show` (on unmount).
 */
export function handlePrivacyRequests(show: () => void): () => void {
  noticeOnScreen = show;
  if (!listening && isWeapp()) {
    const taro = Taro as unknown as { onNeedPrivacyAuthorization?: (l: (resolve: PrivacyResolve) => void) => void };
    if (typeof taro.onNeedPrivacyAuthorization === 'function' && Taro.canIUse('onNeedPrivacyAuthorization')) {
      listening = true;
      try {
        taro.onNeedPrivacyAuthorization((resolve) => {
          pendingPrivacy = resolve;
          if (noticeOnScreen) noticeOnScreen();
          else void Taro.navigateTo({ url: urlOf('login', { privacy: true }) }).catch(() => undefined);
        });
      } catch {
        // an older WeChat: our own notice is the only one
      }
    }
  }
  return () => {
    if (noticeOnScreen === show) noticeOnScreen = null;
  };
}

/** Whether WeChat is holding a call until the person answers the privacy notice. */
export function privacyRequestPending(): boolean {
  return pendingPrivacy !== null;
}

/** Passes the person's answer to the held call, if any. */
export function answerPrivacyRequest(agreed: boolean): void {
  const resolve = pendingPrivacy;
  pendingPrivacy = null;
  resolve?.(agreed ? { event: 'agree', buttonId: PRIVACY_AGREE_BUTTON_ID } : { event: 'disagree' });
}
