import type { DeliveryReport } from '@contract/notifications';
import { deadLetterTried, rateText, stateRows } from './deliveryReport';

describe('通知送达', () => {
  it('writes rates as whole percents and lists every state', () => {
    expect(rateText(0.953)).toBe('95%');
    expect(rateText(1)).toBe('100%');
    expect(rateText(null)).toBe('—');
    const rows = stateRows({ delivered: 12, dead: 1 } as DeliveryReport['states']);
    expect(rows.map((r) => r.count)).toEqual([0, 0, 0, 12, 0, 1, 0, 0]);
    expect(rows[0]).toMatchObject({ state: 'scheduled', label: '定时发送（提醒、夜间）' });
    expect(rows[3]).toEqual({ state: 'delivered', label: '已送达', count: 12 });
  });

  it('says what was tried for a dead letter, never more than the provider’s code', () => {
    const letter = {
      id: 'n1',
      kind: 'booking_booked',
      title: '预约成功',
      state: 'dead',
      createdAt: '2026-12-01T08:00:00+08:00',
      attempts: 3,
      channelsTried: ['wechat', 'sms'],
      lastError: '43101',
      recipient: '王*',
      center: null,
    } as DeliveryReport['deadLetters'][number];
    expect(deadLetterTried(letter)).toBe('试过微信、短信，共3次，最后错误 43101');
    expect(deadLetterTried({ ...letter, channelsTried: [], attempts: 0, lastError: null })).toBe('没有可用的方式，共0次');
  });
});
