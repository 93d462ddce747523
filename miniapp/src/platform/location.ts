// The person's position, asked for only when they tap "找离我最近的中心". It is used on the
// phone to pick the nearest centre and is neither stored nor sent anywhere.
// WeChat needs `requiredPrivateInfos: ['getLocation']` and a `permission['scope.userLocation']`
// reason in app.config.ts; without them the call fails and this answers null.
import Taro from '@tarojs/taro';
import type { Position } from '@/lib/nearest';

/** The current position (GCJ-02 on WeChat, WGS-84 in a browser: close enough to rank centres), or null. */
export async function currentPosition(): Promise<Position | null> {
  try {
    const { latitude, longitude } = await Taro.getLocation({ type: 'gcj02' });
    if (typeof latitude !== 'number' || typeof longitude !== 'number') return null;
    return { latitude, longitude };
  } catch {
    return null;
  }
}
