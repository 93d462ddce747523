// The phone's own storage (WeChat: wx storage, 10 MB per mini-program; H5: localStorage).
// Pages and hooks never call Taro's storage themselves. Every call is best effort: a full or
// unavailable storage must never break a screen, so failures read as "nothing stored".
import Taro from '@tarojs/taro';

/** Every key we write starts with this, so "clear what this app stored" can find them. */
export const STORAGE_PREFIX = 'bmfw:';

/** The stored value, or undefined when absent or unreadable (validate it before use). */
export function readStored(key: string): unknown {
  try {
    const value: unknown = Taro.getStorageSync(STORAGE_PREFIX + key);
    // WeChat answers '' for a missing key
    return value === '' || value === null ? undefined : value;
  } catch {
    return undefined;
  }
}

/** Stores a JSON-able value; false when the storage refused (full, private mode…). */
export function writeStored(key: string, value: unknown): boolean {
  try {
    Taro.setStorageSync(STORAGE_PREFIX + key, value);
    return true;
  } catch {
    return false;
  }
}

export function removeStored(key: string): void {
  try {
    Taro.removeStorageSync(STORAGE_PREFIX + key);
  } catch {
    // nothing to do: it is gone or never was
  }
}

/** Our keys (without the prefix) currently stored. */
export function storedKeys(): string[] {
  try {
    const { keys } = Taro.getStorageInfoSync();
    return keys.filter((k) => k.startsWith(STORAGE_PREFIX)).map((k) => k.slice(STORAGE_PREFIX.length));
  } catch {
    return [];
  }
}
