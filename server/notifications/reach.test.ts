import { reachOf, type PersonReachState } from './reach';

const resident: PersonReachState = { wechat: true, sms: true, quietHours: true, role: 'resident', hasOpenid: true, consentsLeft: 2, phone: '138****5678' };
const all = { wechatTemplates: { booking_status: 'T1', reminder: 'T2', case_progress: 'T3', staff_task: 'T4' }, sms: true };

describe('which channel reaches a person', () => {
  test('WeChat first while accepts are left; the resident is asked for the three resident templates', () => {
    const s = reachOf(resident, all);
    expect(s.reach.summary).toBe('我们会通过微信通知您，“消息”里也都会留一份。');
    expect(s.templates.map((t) => t.templateId)).toEqual(['T1', 'T2', 'T3']);
    expect(s.why).toContain('允许');
  });

  test('no accept left: SMS to the masked number', () => {
    const s = reachOf({ ...resident, consentsLeft: 0 }, all);
    expect(s.reach.wechat).toEqual({ ready: false, why: '预约时点“允许”，才能收到微信通知', consentsLeft: 0 });
    expect(s.reach.summary).toBe('我们会发短信到 138****5678，“消息”里也都会留一份。');
  });

  test('nothing but the inbox, and why for each channel', () => {
    const s = reachOf({ ...resident, wechat: false, phone: null }, { wechatTemplates: {}, sms: false });
    expect(s.reach.wechat.why).toBe('微信通知暂未开通');
    expect(s.reach.sms.why).toBe('短信通知暂未开通');
    expect(s.reach.summary).toContain('只能在小程序的“消息”里');
    expect(s.templates).toEqual([]);
    expect(reachOf({ ...resident, wechat: false, phone: null }, all).reach.sms.why).toBe('还没有登记手机号');
    expect(reachOf({ ...resident, wechat: false }, all).reach.wechat.why).toBe('您关闭了微信通知');
  });

  test('staff are asked for the staff template only', () => {
    const s = reachOf({ ...resident, role: 'staff' }, all);
    expect(s.templates.map((t) => t.key)).toEqual(['staff_task']);
  });
});
