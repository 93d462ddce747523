import type { NotificationItem, NotificationSettings } from '@contract/notifications';
import {
  appendOlder,
  channelDetail,
  inboxDays,
  markedRead,
  messageTimeText,
  notReadyLines,
  openableLink,
} from './notifications';

const item = (id: string, at: string, read = false): NotificationItem => ({
  id,
  kind: 'booking_booked',
  title: '预约成功',
  body: '请按时到中心办理',
  at,
  read,
  bookingId: null,
  caseId: null,
  link: null,
  deliveredBy: null,
});

// Tuesday 1 December 2026, 09:00 in Shanghai (01:00 UTC)
const now = new Date('2026-12-01T01:00:00Z');

describe('the inbox on the Shanghai clock', () => {
  it('says the time alone today and the date otherwise, whatever the phone’s zone', () => {
    expect(messageTimeText('2026-12-01T08:30:00+08:00', now)).toBe('上午8:30');
    // 23:30 UTC on 30 November is 07:30 on 1 December in Shanghai: today
    expect(messageTimeText('2026-11-30T23:30:00Z', now)).toBe('上午7:30');
    expect(messageTimeText('2026-11-30T14:05:00+08:00', now)).toBe('11月30日 下午2:05');
  });

  it('groups newest first under 今天, 昨天 and the date with its weekday', () => {
    const days = inboxDays(
      [
        item('a', '2026-12-01T08:00:00+08:00'),
        item('b', '2026-11-30T23:59:00Z'), // 07:59 on 1 December in Shanghai
        item('c', '2026-11-30T15:59:00Z'), // 23:59 on 30 November
        item('d', '2026-11-27T10:00:00+08:00'),
      ],
      now,
    );
    expect(days.map((d) => [d.title, d.items.map((i) => i.id)])).toEqual([
      ['今天', ['a', 'b']],
      ['昨天', ['c']],
      ['11月27日（周五）', ['d']],
    ]);
    expect(inboxDays([], now)).toEqual([]);
  });

  it('appends an older page without showing a message twice, and marks one or all read', () => {
    const rows = [item('a', '2026-12-01T08:00:00+08:00'), item('b', '2026-11-30T08:00:00+08:00')];
    const more = appendOlder(rows, [item('b', '2026-11-30T08:00:00+08:00'), item('c', '2026-11-29T08:00:00+08:00')]);
    expect(more.map((r) => r.id)).toEqual(['a', 'b', 'c']);
    expect(markedRead(more, 'b').map((r) => r.read)).toEqual([false, true, false]);
    expect(markedRead(more).every((r) => r.read)).toBe(true);
    expect(rows[1]?.read).toBe(false); // the rows given are not changed
  });

  it('opens only the pages this app has', () => {
    expect(openableLink('/pages/booking/index?id=b1')).toBe('/pages/booking/index?id=b1');
    expect(openableLink('work/pages/booking/index?id=b1')).toBe('/work/pages/booking/index?id=b1');
    expect(openableLink('/pages/booking/detail?id=b1')).toBeNull();
    expect(openableLink('https://example.cn')).toBeNull();
    expect(openableLink(null)).toBeNull();
    expect(openableLink('')).toBeNull();
  });
});

const settings = (over: Partial<NotificationSettings['reach']> = {}): NotificationSettings => ({
  wechat: true,
  sms: true,
  quietHours: true,
  reach: {
    wechat: { ready: false, why: '预约时还没有同意微信通知', consentsLeft: 0 },
    sms: { ready: false, why: '还没有手机号', phone: null },
    summary: '现在只能在“消息”里看到通知。',
    ...over,
  },
  templates: [],
  why: '允许后，预约确认、提醒和办理进度会通过微信通知您。',
});

describe('通知方式', () => {
  it('says why each channel that is not ready cannot reach the person', () => {
    expect(notReadyLines(settings())).toEqual(['预约时还没有同意微信通知', '短信：还没有手机号']);
    const off = settings({
      wechat: { ready: false, why: '微信通知暂未开通', consentsLeft: 0 },
      sms: { ready: false, why: null, phone: null },
    });
    expect(notReadyLines(off)).toEqual(['微信通知暂未开通', '短信：暂时不能发送']);
    const ready = settings({ wechat: { ready: true, why: null, consentsLeft: 2 }, sms: { ready: true, why: null, phone: '138****5678' } });
    expect(notReadyLines(ready)).toEqual([]);
    expect(channelDetail('wechat', ready)).toBe('微信里的服务通知，还能收2条');
    expect(channelDetail('wechat', settings())).toBe('微信里的服务通知');
    expect(channelDetail('sms', ready)).toBe('发到 138****5678');
    expect(channelDetail('sms', settings())).toBe('发到您留的手机号');
  });
});
