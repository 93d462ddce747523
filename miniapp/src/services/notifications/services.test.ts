import Taro from '@tarojs/taro';
import { fetchDeliveryReport } from './fetchDeliveryReport';
import { fetchNotificationSettings } from './fetchNotificationSettings';
import { fetchNotifications } from './fetchNotifications';
import { fetchUnreadCount } from './fetchUnreadCount';
import { markAllRead } from './markAllRead';
import { markRead } from './markRead';
import { retryNotification } from './retryNotification';
import { saveNotificationSettings } from './saveNotificationSettings';

const store = new Map<string, unknown>([['bmfw:session', { token: 'tok', account: { id: 'u', role: 'resident', displayName: 'x' } }]]);
Object.assign(Taro, {
  getStorageSync: (key: string) => (store.has(key) ? store.get(key) : ''),
  setStorageSync: (key: string, value: unknown) => void store.set(key, value),
  removeStorageSync: (key: string) => void store.delete(key),
  getCurrentInstance: () => ({ router: null }),
});

const request = Taro.request as unknown as jest.Mock;
type Sent = { url: string; method: string; data?: unknown; header: Record<string, string> };
const last = (): Sent => (request.mock.calls.at(-1) as [Sent])[0];
const answer = (statusCode: number, data: unknown) =>
  request.mockResolvedValueOnce({ statusCode, data, header: {}, errMsg: 'request:ok' });

afterEach(() => request.mockReset());

describe('notification services', () => {
  it('fetchNotifications pages back with the cursor, with the token', async () => {
    answer(200, { items: [], unread: 0, next: null });
    await fetchNotifications();
    expect(last()).toMatchObject({ url: '/api/notifications?limit=20', method: 'GET', header: { Authorization: 'Bearer tok' } });
    answer(200, { items: [], unread: 0, next: null });
    await fetchNotifications('c 1', 5);
    expect(last().url).toBe('/api/notifications?before=c%201&limit=5');
  });

  it('fetchUnreadCount, markRead and markAllRead answer the count; marking needs no Idempotency-Key', async () => {
    answer(200, { unread: 3 });
    await expect(fetchUnreadCount()).resolves.toEqual({ unread: 3 });
    expect(last().url).toBe('/api/notifications/unread');
    answer(200, { unread: 2 });
    await expect(markRead('n/1')).resolves.toEqual({ unread: 2 });
    expect(last()).toMatchObject({ url: '/api/notifications/n%2F1/read', method: 'POST', data: {} });
    expect(last().header['Idempotency-Key']).toBeUndefined();
    answer(200, { unread: 0 });
    await expect(markAllRead()).resolves.toEqual({ unread: 0 });
    expect(last()).toMatchObject({ url: '/api/notifications/read-all', method: 'POST' });
  });

  it('reads and changes the notification settings (PUT with only the switch changed)', async () => {
    answer(200, { wechat: true, sms: false, quietHours: true });
    await fetchNotificationSettings();
    expect(last()).toMatchObject({ url: '/api/me/notification-settings', method: 'GET' });
    answer(200, { wechat: true, sms: true, quietHours: true });
    await expect(saveNotificationSettings({ sms: true })).resolves.toMatchObject({ sms: true });
    expect(last()).toMatchObject({ url: '/api/me/notification-settings', method: 'PUT', data: { sms: true }, header: { 'Content-Type': 'application/json' } });
  });

  it('the admin report asks for the days, and a retry posts to the dead letter', async () => {
    answer(200, { days: 7, channels: [], states: {}, deadLetters: [] });
    await fetchDeliveryReport();
    expect(last().url).toBe('/api/admin/notifications?days=7');
    answer(200, { id: 'n1', state: 'pending' });
    await expect(retryNotification('n1')).resolves.toEqual({ id: 'n1', state: 'pending' });
    expect(last()).toMatchObject({ url: '/api/admin/notifications/n1/retry', method: 'POST' });
  });

  it('shows the server’s plain message on an error', async () => {
    answer(403, { error: { code: 'FORBIDDEN', message: '只有县级管理员可以查看' } });
    await expect(fetchDeliveryReport()).rejects.toMatchObject({ code: 'FORBIDDEN', message: '只有县级管理员可以查看' });
  });
});
