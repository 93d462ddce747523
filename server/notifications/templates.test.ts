// Every notification, on every channel, with the longest real values of the demo county (item
// names, centre names, material names) and the longest reasons the database accepts: each
// WeChat keyword within its limit, each SMS parameter within the provider's, and the texts
// still say what they should.
import fc from 'fast-check';
import { centers } from '../../supabase/seed/data/centers';
import { items } from '../../supabase/seed/data/items';
import { NOTIFICATION_KINDS, type NotificationKind } from '../contract/notifications';
import {
  FIELD_LIMITS,
  fit,
  fitList,
  renderInbox,
  SMS_PARAM_MAX,
  SMS_TEMPLATES,
  smsParams,
  templateOf,
  WECHAT_TEMPLATES,
  wechatData,
  wechatTime,
  type NoticeData,
} from './templates';

const longest = (names: string[]) => names.reduce((a, b) => (Array.from(b).length > Array.from(a).length ? b : a));
const longestItem = longest(items.map((i) => i.name));
// the demo's centres have short names; a village station's full official name is much longer
const longestCenter = longest([...centers.map((c) => c.name), '南江县沙河镇便民服务中心石板村便民服务站']);
const longestMaterials = [...new Set(items.flatMap((i) => i.materials.map((m) => m.name)))]
  .sort((a, b) => Array.from(b).length - Array.from(a).length)
  .slice(0, 20);
const reason200 = '因系统升级维护，本中心当日全部窗口暂停对外办理业务，给您带来不便敬请谅解。'.repeat(6).slice(0, 200);

const longData: NoticeData = {
  itemName: longestItem,
  centerName: longestCenter,
  centerPhone: '0827-8888888',
  windowName: '综合受理窗口（社保医保民政残联退役军人）',
  applicantName: '欧阳德福',
  bookingCode: 'K7M4Q9XZ',
  startsAt: '2026-12-31T16:30:00+08:00',
  from: '2026-12-30T09:00:00+08:00',
  to: '2026-12-31T16:30:00+08:00',
  reason: reason200,
  missing: longestMaterials,
  note: reason200,
  outcome: reason200,
  ticket: 128,
  window: '综合受理窗口（社保医保民政残联退役军人）',
  count: 2,
  promisedBy: '2027-01-29',
  until: '2027-01-06T08:00:00+08:00',
  level: 1,
  comment: reason200,
  dueBy: '2027-01-15',
  resolution: `${reason200}${reason200}`.slice(0, 500),
};
const AT = '2026-12-31T14:30:00+08:00';
const length = (s: string) => Array.from(s).length;

describe('notification templates', () => {
  test('the demo data has long values to test with', () => {
    expect(length(longestItem)).toBeGreaterThan(FIELD_LIMITS.thing - 6);
    expect(length(longestCenter)).toBeGreaterThan(SMS_PARAM_MAX);
    expect(longestMaterials.length).toBe(20);
  });

  test.each(NOTIFICATION_KINDS)('%s: WeChat keywords within their limits, in the template order', (kind) => {
    const key = templateOf(kind);
    expect(key).toBeDefined();
    const data = wechatData(kind, longData, AT);
    const fields = WECHAT_TEMPLATES[key!].fields;
    expect(Object.keys(data)).toEqual(Object.keys(fields));
    for (const [field, type] of Object.entries(fields)) {
      const value = data[field].value;
      expect(value.length).toBeGreaterThan(0);
      expect(length(value)).toBeLessThanOrEqual(FIELD_LIMITS[type]);
      if (type === 'phrase') expect(value).toMatch(/^[\u4e00-\u9fa5]{1,5}$/);
      if (type === 'time') expect(value).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}$/);
      if (type === 'character_string') expect(value).toMatch(/^[A-Za-z0-9_.:/-]{1,32}$/);
    }
  });

  test.each(NOTIFICATION_KINDS)('%s: SMS parameters within the limit, as many as the template has', (kind) => {
    const params = smsParams(kind, longData, AT);
    const expected = Math.max(...Array.from(smsTemplateOf(kind).matchAll(/\{(\d)\}/g)).map((m) => Number(m[1])));
    expect(params).toHaveLength(expected);
    for (const p of params) {
      expect(length(p)).toBeLessThanOrEqual(SMS_PARAM_MAX);
      expect(p).not.toMatch(/1[3-9]\d{9}/); // never a mobile number
    }
  });

  test.each(NOTIFICATION_KINDS)('%s: the inbox text is whole (nothing cut) and plain', (kind) => {
    const { title, body } = renderInbox(kind, longData);
    expect(length(title)).toBeLessThanOrEqual(12);
    expect(body).not.toMatch(/undefined|null|NaN|…/);
  });

  test('what people need is in the words: reasons, missing papers, time, code', () => {
    const d: NoticeData = { ...longData, reason: '当天停电', missing: ['户口簿', '结婚证'], itemName: '低保申请', centerName: '长赤镇便民服务中心' };
    expect(renderInbox('booking_declined', d).body).toContain('当天停电');
    expect(renderInbox('booking_cancelled_by_center', d).body).toContain('当天停电');
    expect(renderInbox('case_rejected', d).body).toContain('当天停电');
    expect(renderInbox('case_needs_supplement', d).body).toContain('户口簿、结婚证');
    expect(wechatData('case_needs_supplement', d, AT).thing3.value).toBe('缺户口簿、结婚证');
    expect(renderInbox('booking_confirmed', d).body).toContain('12月31日 16:30');
    expect(wechatData('reminder_day_before', d, AT).character_string4.value).toBe('K7M4Q9XZ');
    expect(wechatData('booking_declined', d, AT).thing5.value).toBe('原因：当天停电');
  });

  test('a long list keeps whole names and says how many', () => {
    expect(fitList(['居民身份证', '户口簿', '结婚证', '不动产权证书'], 12)).toBe('居民身份证、户口簿等4项');
    expect(fitList(['中华人民共和国残疾人证（第二代）原件及复印件'], 10)).toBe('中华人民共和…等1项');
    expect(fitList([], 10)).toBe('');
  });

  test('fit never exceeds the limit, for any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), fc.integer({ min: 2, max: 40 }), (text, max) => {
        expect(Array.from(fit(text, max)).length).toBeLessThanOrEqual(max);
      }),
    );
    fc.assert(
      fc.property(fc.array(fc.string({ minLength: 1, maxLength: 60 }), { maxLength: 20 }), fc.integer({ min: 6, max: 40 }), (list, max) => {
        expect(Array.from(fitList(list, max)).length).toBeLessThanOrEqual(max);
      }),
    );
  });

  test('times are Shanghai times whatever the instant', () => {
    expect(wechatTime('2026-12-31T16:30:00Z')).toBe('2027年1月1日 00:30');
    expect(wechatTime('2026-03-02T01:30:00Z')).toBe('2026年3月2日 09:30');
  });
});

function smsTemplateOf(kind: NotificationKind): string {
  return SMS_TEMPLATES[templateOf(kind)!];
}
