// The person's position, asked for only when they tap "找离我最近的中心". It is used on the
// phone to pick the nearest centre and is neither stored nor sent anywhere.
// WeChat needs `requiredPrivateInfos: ['getLocation']` and a `permission['scope.userLocation']`
// reason in app.config.ts; without them the call fails and this answers null.
import Taro from '@tarojs/taro';
import type { Position } from '@/lib/nearest';

/**
 * The current position in WGS-84, as the centres' coordinates are, or null. (Taro's H5 build
 * supports only WGS-84; WeChat supports both.)
 */
export async function currentPosition(): Promise<Position | null> {
  try {
    const { latitude, longitude } = await Taro.getLocation({ type: 'wgs84' });
    if (typeof latitude !== 'number' || typeof longitude !== 'number') return null;
    return { latitude, longitude };
  } catch {
    return null;
  }
}
