// What the platform says about the person's settings.
import Taro from '@tarojs/taro';

/**
 * WeChat's font size scale (wx.getAppBaseInfo().fontSizeScaleFactor: 1 = standard, larger when
 * the person enlarged WeChat's text). H5 has no such setting: 1.
 */
export function fontSizeScaleFactor(): number {
  if (process.env.TARO_ENV === 'h5') return 1;
  try {
    const info = Taro.getAppBaseInfo() as unknown as { fontSizeScaleFactor?: unknown };
    const factor = info.fontSizeScaleFactor;
    return typeof factor === 'number' && Number.isFinite(factor) && factor > 0 ? factor : 1;
  } catch {
    return 1;
  }
}

/** True in the WeChat build, false in the browser build. */
export function isWeapp(): boolean {
  return process.env.TARO_ENV === 'weapp';
}
