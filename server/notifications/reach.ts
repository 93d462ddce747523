// Which channel will reach a person, in plain words: what the settings page and the booking
// confirmation show. Pure: the database gives the person's state, the configuration what exists.
import type { NotificationSettings, SubscribeTemplate } from '../contract/notifications';
import { type TemplateKey, WECHAT_TEMPLATES } from './templates';

export interface PersonReachState {
  wechat: boolean;
  sms: boolean;
  quietHours: boolean;
  role: 'resident' | 'staff' | 'manager' | 'admin' | 'agent';
  hasOpenid: boolean;
  consentsLeft: number;
  phone: string | null;
}

export interface ChannelsAvailable {
  /** WeChat template ids configured per key (empty: WeChat not set up) */
  wechatTemplates: Partial<Record<TemplateKey, string>>;
  /** SMS set up with a provider and templates */
  sms: boolean;
}

const RESIDENT_TEMPLATES: TemplateKey[] = ['booking_status', 'reminder', 'case_progress'];
const STAFF_TEMPLATES: TemplateKey[] = ['staff_task'];

export const SUBSCRIBE_WHY = '允许后，预约确认、提醒和办理进度会通过微信通知您（每点一次“允许”可收一条）。';
const STAFF_WHY = '允许后，新预约和待办会通过微信通知您（每点一次“允许”可收一条）。';

export function reachOf(state: PersonReachState, available: ChannelsAvailable): NotificationSettings {
  const keys = state.role === 'resident' || state.role === 'agent' ? RESIDENT_TEMPLATES : STAFF_TEMPLATES;
  const templates: SubscribeTemplate[] = keys
    .filter((key) => available.wechatTemplates[key])
    .map((key) => ({ key, templateId: available.wechatTemplates[key]!, title: WECHAT_TEMPLATES[key].title }));

  const wechatWhy =
    templates.length === 0
      ? '微信通知暂未开通'
      : !state.wechat
        ? '您关闭了微信通知'
        : !state.hasOpenid
          ? '用微信登录后才能收到微信通知'
          : state.consentsLeft === 0
            ? '预约时点“允许”，才能收到微信通知'
            : null;
  const smsWhy = !available.sms ? '短信通知暂未开通' : !state.sms ? '您关闭了短信通知' : !state.phone ? '还没有登记手机号' : null;

  const inbox = '“消息”里也都会留一份';
  const summary =
    wechatWhy === null
      ? `我们会通过微信通知您，${inbox}。`
      : smsWhy === null
        ? `我们会发短信到 ${state.phone}，${inbox}。`
        : '现在只能在小程序的“消息”里看到通知，请常来看看。';

  return {
    wechat: state.wechat,
    sms: state.sms,
    quietHours: state.quietHours,
    reach: {
      wechat: { ready: wechatWhy === null, why: wechatWhy, consentsLeft: state.consentsLeft },
      sms: { ready: smsWhy === null, why: smsWhy, phone: state.phone },
      summary,
    },
    templates,
    why: keys === STAFF_TEMPLATES ? STAFF_WHY : SUBSCRIBE_WHY,
  };
}
