import Taro from '@tarojs/taro';
import {
  agreedPrivacyVersion,
  bearerToken,
  clearSession,
  lastCenterId,
  loadSession,
  rememberLastCenter,
  rememberPrivacyAgreed,
  saveSession,
} from './session';

const store = new Map<string, unknown>();
let broken = false;
Object.assign(Taro, {
  getStorageSync: (key: string) => {
    if (broken) throw new Error('getStorageSync:fail');
    return store.has(key) ? store.get(key) : '';
  },
  setStorageSync: (key: string, value: unknown) => {
    if (broken) throw new Error('setStorageSync:fail');
    store.set(key, value);
  },
  removeStorageSync: (key: string) => void store.delete(key),
});

beforeEach(() => {
  store.clear();
  broken = false;
});

describe('session storage', () => {
  it('remembers and forgets the login', () => {
    expect(loadSession()).toBeNull();
    saveSession({ token: 't1', account: { id: 'u', role: 'resident', displayName: '王秀英' } });
    expect(bearerToken()).toBe('t1');
    clearSession();
    expect(bearerToken()).toBe('');
  });

  it('ignores what it cannot read', () => {
    store.set('bmfw:session', { token: '' });
    expect(loadSession()).toBeNull();
    broken = true;
    expect(loadSession()).toBeNull();
    expect(() => rememberLastCenter('c1')).not.toThrow();
  });

  it('remembers the privacy consent with its version, and the last centre', () => {
    expect(agreedPrivacyVersion()).toBe('');
    rememberPrivacyAgreed('2026-12-01', new Date('2026-12-01T01:00:00Z'));
    expect(agreedPrivacyVersion()).toBe('2026-12-01');
    rememberLastCenter('c9');
    expect(lastCenterId()).toBe('c9');
  });
});
