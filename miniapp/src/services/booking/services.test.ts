import Taro from '@tarojs/taro';
import { cancelBooking } from './cancelBooking';
import { createBooking } from './createBooking';
import { fetchAvailability } from './fetchAvailability';
import { fetchBooking } from './fetchBooking';
import { fetchBookings } from './fetchBookings';
import { rateBooking } from './rateBooking';
import { rescheduleBooking } from './rescheduleBooking';
import { saveReminders } from './saveReminders';

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

describe('booking services', () => {
  it('fetchAvailability asks for one centre, item and date range (no login needed)', async () => {
    answer(200, { centerId: 'c', itemId: 'i', from: '2026-12-01', to: '2026-12-14', scheduleKnown: true, days: [] });
    await fetchAvailability({ centerId: 'c', itemId: 'i', from: '2026-12-01', to: '2026-12-14' });
    expect(last().url).toBe('/api/availability?center=c&item=i&from=2026-12-01&to=2026-12-14');
  });

  it('fetchBookings and fetchBooking send the token', async () => {
    answer(200, { bookings: [{ id: 'b1' }] });
    await expect(fetchBookings()).resolves.toEqual([{ id: 'b1' }]);
    expect(last().header.Authorization).toBe('Bearer tok');
    answer(200, { id: 'b1', timeline: [] });
    await expect(fetchBooking('b1')).resolves.toMatchObject({ id: 'b1', case: null, rating: null, timeline: [] });
    expect(last().url).toBe('/api/bookings/b1');
  });

  it('createBooking, cancelBooking and rescheduleBooking carry the action key', async () => {
    answer(201, { id: 'b1' });
    await createBooking({ centerId: 'c', itemId: 'i', slotStart: 's' }, 'k-00000001');
    expect(last()).toMatchObject({ url: '/api/bookings', method: 'POST', header: { 'Idempotency-Key': 'k-00000001' } });
    answer(200, { id: 'b1' });
    await cancelBooking('b1', 'k-00000002');
    expect(last()).toMatchObject({ url: '/api/bookings/b1/cancel', data: {}, header: { 'Idempotency-Key': 'k-00000002' } });
    answer(200, { id: 'b1' });
    await cancelBooking('b1', 'k-00000003', ' 家里有事 ');
    expect(last().data).toEqual({ reason: '家里有事' });
    answer(200, { id: 'b1' });
    await rescheduleBooking('b1', '2026-12-03T09:00:00+08:00', 'k-00000004');
    expect(last()).toMatchObject({ url: '/api/bookings/b1/reschedule', data: { slotStart: '2026-12-03T09:00:00+08:00' } });
  });

  it('saveReminders sends what was asked and accepted, and tolerates a server without the endpoint', async () => {
    answer(200, { bookingId: 'b1', recorded: 1, pending: [] });
    await expect(saveReminders('b1', { templateIds: ['t1', 't2'], accepted: ['t1'] }, 'k-00000005')).resolves.toBe(true);
    expect(last().data).toEqual({ templateIds: ['t1', 't2'], accepted: ['t1'] });
    answer(404, { error: { code: 'NOT_FOUND', message: '没有这个接口' } });
    await expect(saveReminders('b1', { templateIds: ['t1'], accepted: [] }, 'k-00000006')).resolves.toBe(false);
    answer(404, { error: { code: 'BOOKING_NOT_FOUND', message: '没有找到这个预约' } });
    await expect(saveReminders('b1', { templateIds: ['t1'], accepted: [] }, 'k-00000007')).rejects.toMatchObject({ code: 'BOOKING_NOT_FOUND' });
  });

  it('rateBooking posts the level, indicators and comment', async () => {
    answer(200, { level: 2, followUp: true, followUpMessage: '会跟进' });
    await rateBooking('b1', { level: 2, indicators: ['efficiency'], comment: '等太久' }, 'k-00000008');
    expect(last()).toMatchObject({ url: '/api/bookings/b1/rating', data: { level: 2, indicators: ['efficiency'], comment: '等太久' } });
  });
});
