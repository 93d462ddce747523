// WeChat's 手机号快速验证 button answers with a one-time code, a refusal, or an error. The code
// goes to our server, which asks WeChat for the number; the phone never sees it in clear.

export type PhoneButtonResult = { kind: 'code'; code: string } | { kind: 'declined' } | { kind: 'failed' };

/** What the button's event detail means. */
export function phoneButtonResult(detail: { errMsg?: string; code?: string } | undefined): PhoneButtonResult {
  const errMsg = detail?.errMsg ?? '';
  if (/:ok$/.test(errMsg) && typeof detail?.code === 'string' && detail.code !== '') return { kind: 'code', code: detail.code };
  // "getPhoneNumber:fail user deny" (older) / "getPhoneNumber:fail:user deny"
  if (/deny|cancel/i.test(errMsg)) return { kind: 'declined' };
  return { kind: 'failed' };
}

/** Why we ask, in plain words: shown beside the button, before anything is shared. */
export const PHONE_WHY = '留个手机号，预约有变动（比如停电、临时关门）时，服务中心可以打电话告诉您。不留也能正常预约。';
