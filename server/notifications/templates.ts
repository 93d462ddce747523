// Every notification's words, in one place: the inbox text (title and body, any length), the
// WeChat subscribe-message template it goes out with (fields within WeChat's limits) and the SMS
// template (positional parameters within the provider's limit). The dispatcher and the inbox
// both render from here; nothing else writes notification text.
//
// Data comes from the database as it was at the change (server: app.booking_notice_data and
// the event's own data): names, ISO Shanghai times, reasons, missing papers.
import type { NotificationKind, TemplateKey } from '../contract/notifications';

export type { TemplateKey };

/** WeChat keyword types we use, with WeChat's limits (STACK-NOTES, WeChat docs). */
export type FieldType = 'thing' | 'time' | 'phrase' | 'character_string';
export const FIELD_LIMITS: Record<FieldType, number> = { thing: 20, time: 40, phrase: 5, character_string: 32 };

/**
 * The four WeChat templates to pick in the mini-program console (订阅消息 → 公共模板库), with the
 * keywords in this order; their ids go into WECHAT_TEMPLATE_* (docs/notifications.md).
 */
export const WECHAT_TEMPLATES: Record<TemplateKey, { title: string; fields: Record<string, FieldType> }> = {
  booking_status: {
    title: '预约状态通知',
    fields: { thing1: 'thing', time2: 'time', thing3: 'thing', phrase4: 'phrase', thing5: 'thing' },
  },
  reminder: {
    title: '预约提醒',
    fields: { thing1: 'thing', time2: 'time', thing3: 'thing', character_string4: 'character_string', thing5: 'thing' },
  },
  case_progress: {
    title: '办件进度通知',
    fields: { thing1: 'thing', phrase2: 'phrase', thing3: 'thing', time4: 'time' },
  },
  staff_task: {
    title: '待办事项提醒',
    fields: { thing1: 'thing', thing2: 'thing', time3: 'time' },
  },
};

/** Each SMS parameter at most this many characters (Tencent Cloud's limit for a template variable). */
export const SMS_PARAM_MAX = 12;

/** The SMS templates to register with the provider ({1}… are the parameters, in order). */
export const SMS_TEMPLATES: Record<TemplateKey, string> = {
  booking_status: '您预约的“{1}”（{2}，{3}）{4}。{5}详情请看“便民服务”小程序。',
  reminder: '提醒：您预约了{2}在{3}办理“{1}”，预约码{4}。{5}',
  case_progress: '您在{3}办理的“{1}”{2}。{4}',
  staff_task: '{1}：{2}，{3}。',
};

export interface NoticeData {
  itemName?: string;
  centerName?: string;
  centerPhone?: string;
  windowName?: string;
  applicantName?: string;
  bookingCode?: string;
  startsAt?: string;
  from?: string;
  to?: string;
  reason?: string;
  missing?: string[];
  note?: string;
  outcome?: string;
  ticket?: number;
  window?: string;
  count?: number;
  promisedBy?: string;
  until?: string;
  level?: number;
  comment?: string | null;
  dueBy?: string;
  resolution?: string;
}

export interface Rendered {
  title: string;
  body: string;
}

// ---- formatting ------------------------------------------------------------------------

const SHANGHAI_MS = 8 * 3600_000;
function shanghaiParts(iso: string | undefined) {
  const d = new Date(iso ?? '');
  if (Number.isNaN(d.getTime())) return null;
  const s = new Date(d.getTime() + SHANGHAI_MS);
  const pad = (n: number) => String(n).padStart(2, '0');
  return { y: s.getUTCFullYear(), m: s.getUTCMonth() + 1, d: s.getUTCDate(), hm: `${pad(s.getUTCHours())}:${pad(s.getUTCMinutes())}` };
}

/** 2026-12-08T09:30:00+08:00 → 12月8日 09:30 (what people read) */
export function shortTime(iso: string | undefined): string {
  const p = shanghaiParts(iso);
  return p ? `${p.m}月${p.d}日 ${p.hm}` : '';
}

/** → 2026年12月8日 09:30 (WeChat's `time` keyword format) */
export function wechatTime(iso: string | undefined): string {
  const p = shanghaiParts(iso);
  return p ? `${p.y}年${p.m}月${p.d}日 ${p.hm}` : '';
}

/** 2026-12-20 → 12月20日 */
function monthDay(date: string | undefined): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(date ?? '');
  return m ? `${Number(m[2])}月${Number(m[3])}日` : '';
}

const chars = (s: string) => Array.from(s);

/** At most `max` characters; a cut text ends with … so the reader sees it goes on. */
export function fit(text: string | undefined, max: number): string {
  const c = chars((text ?? '').replace(/\s+/g, ' ').trim());
  return c.length <= max ? c.join('') : `${c.slice(0, max - 1).join('')}…`;
}

/** Long official names lose their generic tail words before anything is cut. */
export function shortName(name: string | undefined, max: number): string {
  const full = (name ?? '').trim();
  if (chars(full).length <= max) return full;
  const shorter = full.replace('便民服务中心', '便民中心').replace('便民服务站', '服务站').replace('人民政府', '政府');
  return fit(shorter, max);
}

/** A list that fits: "身份证、户口簿" or, when too long, "身份证等3项". */
export function fitList(items: readonly string[] | undefined, max: number): string {
  const list = (items ?? []).map((s) => s.trim()).filter(Boolean);
  if (list.length === 0) return '';
  const all = list.join('、');
  if (chars(all).length <= max) return all;
  for (let n = list.length - 1; n >= 1; n--) {
    const text = `${list.slice(0, n).join('、')}等${list.length}项`;
    if (chars(text).length <= max) return text;
  }
  const tail = `等${list.length}项`;
  return `${fit(list[0], max - chars(tail).length)}${tail}`;
}

// ---- the notifications -----------------------------------------------------------------

interface KindSpec {
  /** the inbox's words */
  inbox(d: NoticeData): Rendered;
  /** the WeChat template and SMS template it goes out with (none: inbox only) */
  template?: TemplateKey;
  /** the status word (WeChat phrase ≤ 5 Chinese characters; SMS {4} / {2}) */
  status: string;
  /** the one-line note (thing ≤ 20) */
  note(d: NoticeData): string;
  /** where it opens in the mini-program */
  audience: 'resident' | 'staff' | 'manager';
}

const at = (d: NoticeData) => `${shortTime(d.startsAt)}，${d.centerName ?? ''}`;
const bring = '请带齐材料，提前10分钟到';

const KINDS: Record<NotificationKind, KindSpec> = {
  booking_booked: {
    audience: 'resident',
    template: 'booking_status',
    status: '预约成功',
    inbox: (d) => ({ title: '预约成功', body: `您预约了${at(d)}办理“${d.itemName}”，预约码 ${d.bookingCode}。中心确认后会再通知您。` }),
    note: () => '等中心确认后再通知您',
  },
  booking_confirmed: {
    audience: 'resident',
    template: 'booking_status',
    status: '已确认',
    inbox: (d) => ({ title: '预约已确认', body: `${at(d)}办理“${d.itemName}”，中心已确认。${bring}，出示预约码 ${d.bookingCode}。` }),
    note: () => bring,
  },
  booking_declined: {
    audience: 'resident',
    template: 'booking_status',
    status: '未通过',
    inbox: (d) => ({ title: '预约未通过', body: `${at(d)}办理“${d.itemName}”的预约没有通过。原因：${d.reason ?? '未说明'}。可以重新预约，或打电话问中心${d.centerPhone ? `（${d.centerPhone}）` : ''}。` }),
    note: (d) => `原因：${d.reason ?? '未说明'}`,
  },
  booking_rescheduled: {
    audience: 'resident',
    template: 'booking_status',
    status: '已改约',
    inbox: (d) => ({ title: '预约时间已改', body: `“${d.itemName}”改到了${shortTime(d.to ?? d.startsAt)}，在${d.centerName}。原来的${shortTime(d.from)}不用去了。` }),
    note: (d) => `原时间${shortTime(d.from)}不用去了`,
  },
  booking_cancelled_by_center: {
    audience: 'resident',
    template: 'booking_status',
    status: '已取消',
    inbox: (d) => ({ title: '中心取消了您的预约', body: `${at(d)}办理“${d.itemName}”的预约被中心取消了。原因：${d.reason ?? '未说明'}。请换一天重新预约，不会算作爽约。` }),
    note: (d) => `原因：${d.reason ?? '未说明'}`,
  },
  reminder_day_before: {
    audience: 'resident',
    template: 'reminder',
    status: '明天办理',
    inbox: (d) => ({ title: '明天有预约', body: `明天${shortTime(d.startsAt).split(' ')[1] ?? ''}在${d.centerName}办理“${d.itemName}”，预约码 ${d.bookingCode}。${bring}。去不了请提前取消。` }),
    note: () => `${bring}`,
  },
  reminder_two_hours: {
    audience: 'resident',
    template: 'reminder',
    status: '快到时间',
    inbox: (d) => ({ title: '两小时后办理', body: `今天${shortTime(d.startsAt).split(' ')[1] ?? ''}在${d.centerName}办理“${d.itemName}”，预约码 ${d.bookingCode}。到了请在窗口出示预约码签到。` }),
    note: () => '到了出示预约码签到',
  },
  booking_checked_in: {
    audience: 'resident',
    template: 'case_progress',
    status: '已签到',
    inbox: (d) => ({ title: '已签到', body: `您已签到，排队号 ${d.ticket ?? ''} 号。叫到您时会再通知您，请在大厅等候。` }),
    note: (d) => `排队号${d.ticket ?? ''}号，请在大厅等候`,
  },
  ticket_called: {
    audience: 'resident',
    template: 'case_progress',
    status: '请到窗口',
    inbox: (d) => ({ title: '叫到您了', body: `请 ${d.ticket ?? ''} 号到${d.window ?? '窗口'}办理。` }),
    note: (d) => `请${d.ticket ?? ''}号到${d.window ?? '窗口'}`,
  },
  case_accepted: {
    audience: 'resident',
    template: 'case_progress',
    status: '已受理',
    inbox: (d) => ({ title: '已受理', body: `“${d.itemName}”已受理，承诺${monthDay(d.promisedBy)}前办好。办好了会通知您。` }),
    note: (d) => `承诺${monthDay(d.promisedBy)}前办好`,
  },
  case_needs_supplement: {
    audience: 'resident',
    template: 'case_progress',
    status: '需补材料',
    inbox: (d) => ({ title: '需要补材料', body: `“${d.itemName}”还缺这些材料：${(d.missing ?? []).join('、')}。请补齐后带到${d.centerName}。` }),
    note: (d) => `缺${fitList(d.missing, FIELD_LIMITS.thing - 1)}`,
  },
  case_forwarded: {
    audience: 'resident',
    template: 'case_progress',
    status: '已上报',
    inbox: (d) => ({ title: '已报县里办理', body: `“${d.itemName}”已报到县级部门办理${d.note ? `（${d.note}）` : ''}。有结果会通知您，不用再跑。` }),
    note: () => '有结果会通知您，不用再跑',
  },
  case_completed: {
    audience: 'resident',
    template: 'case_progress',
    status: '已办结',
    inbox: (d) => ({ title: '已经办好了', body: `“${d.itemName}”已办结${d.outcome ? `：${d.outcome}` : ''}。欢迎在小程序里评价这次服务。` }),
    note: (d) => d.outcome ?? '欢迎评价这次服务',
  },
  case_rejected: {
    audience: 'resident',
    template: 'case_progress',
    status: '不予受理',
    inbox: (d) => ({ title: '不予受理', body: `“${d.itemName}”不予受理。原因：${d.reason ?? '未说明'}。有疑问请打电话问中心${d.centerPhone ? `（${d.centerPhone}）` : ''}。` }),
    note: (d) => `原因：${d.reason ?? '未说明'}`,
  },
  restriction_started: {
    audience: 'resident',
    template: 'booking_status',
    status: '暂停预约',
    inbox: (d) => ({ title: '暂停网上预约', body: `因为多次预约后没有到场，${monthDay(d.until?.slice(0, 10))}前不能在网上预约。可以直接去中心取号，或请代办员帮忙。` }),
    note: (d) => `${monthDay(d.until?.slice(0, 10))}前可直接去中心取号`,
  },
  rectification_closed: {
    audience: 'resident',
    template: 'case_progress',
    status: '已整改',
    inbox: (d) => ({ title: '您的意见已处理', body: `您对“${d.itemName}”的评价，${d.centerName}已整改：${d.resolution ?? ''}` }),
    note: (d) => d.resolution ?? '',
  },
  staff_booking_waiting: {
    audience: 'staff',
    template: 'staff_task',
    status: '待确认',
    inbox: (d) => ({ title: '新预约待确认', body: `${shortTime(d.startsAt)} ${d.itemName}（${d.windowName ?? ''}），预约码 ${d.bookingCode}。请确认或说明原因拒绝。` }),
    note: (d) => `${shortTime(d.startsAt)} ${d.itemName ?? ''}`,
  },
  manager_bad_rating: {
    audience: 'manager',
    template: 'staff_task',
    status: '差评',
    inbox: (d) => ({ title: '收到差评，请整改', body: `“${d.itemName}”（${shortTime(d.startsAt)}）得到${d.level === 1 ? '非常不满意' : '不满意'}${d.comment ? `：“${d.comment}”` : ''}。请在${monthDay(d.dueBy)}前整改并回复群众。` }),
    note: (d) => `${monthDay(d.dueBy)}前整改：${d.itemName ?? ''}`,
  },
  manager_follow_up_overdue: {
    audience: 'manager',
    template: 'staff_task',
    status: '整改逾期',
    inbox: (d) => ({ title: '整改已逾期', body: `“${d.itemName}”的差评整改应在${monthDay(d.dueBy)}前完成，现在还没有办结。请尽快处理并回复群众。` }),
    note: (d) => `${monthDay(d.dueBy)}应完成：${d.itemName ?? ''}`,
  },
};

/** The inbox's title and body. */
export function renderInbox(kind: NotificationKind, data: NoticeData): Rendered {
  return KINDS[kind].inbox(data);
}

/** The page a notification opens (the booking, or the manager's ratings). */
export function linkOf(kind: NotificationKind, ids: { bookingId: string | null; centerId: string | null }): string | null {
  const audience = KINDS[kind].audience;
  if (audience === 'manager') return ids.centerId ? `/manage/pages/ratings/index?id=${ids.centerId}` : '/manage/pages/ratings/index';
  if (!ids.bookingId) return null;
  return audience === 'staff' ? `/work/pages/booking/index?id=${ids.bookingId}` : `/pages/booking/index?id=${ids.bookingId}`;
}

/** The template a kind goes out with on WeChat and SMS (undefined: inbox only). */
export function templateOf(kind: NotificationKind): TemplateKey | undefined {
  return KINDS[kind].template;
}

/** The keywords of a WeChat subscribe message, each within its limit. */
export function wechatData(kind: NotificationKind, d: NoticeData, at: string): Record<string, { value: string }> {
  const spec = KINDS[kind];
  const key = spec.template;
  if (!key) throw new Error(`${kind} has no WeChat template`);
  const item = fit(d.itemName, FIELD_LIMITS.thing);
  const center = shortName(d.centerName, FIELD_LIMITS.thing);
  const note = fit(spec.note(d), FIELD_LIMITS.thing);
  const values: Record<TemplateKey, Record<string, string>> = {
    booking_status: { thing1: item, time2: wechatTime(d.startsAt), thing3: center, phrase4: spec.status, thing5: note },
    reminder: { thing1: item, time2: wechatTime(d.startsAt), thing3: center, character_string4: d.bookingCode ?? '', thing5: note },
    case_progress: { thing1: item, phrase2: spec.status, thing3: note, time4: wechatTime(at) },
    staff_task: { thing1: fit(KINDS[kind].inbox(d).title, FIELD_LIMITS.thing), thing2: note, time3: wechatTime(at) },
  };
  const out: Record<string, { value: string }> = {};
  for (const [field, type] of Object.entries(WECHAT_TEMPLATES[key].fields)) {
    out[field] = { value: fit(values[key][field], FIELD_LIMITS[type]) };
  }
  return out;
}

/** The positional parameters of the kind's SMS template, each within SMS_PARAM_MAX. */
export function smsParams(kind: NotificationKind, d: NoticeData, at: string): string[] {
  const spec = KINDS[kind];
  const key = spec.template;
  if (!key) throw new Error(`${kind} has no SMS template`);
  const item = fit(d.itemName, SMS_PARAM_MAX);
  const center = shortName(d.centerName, SMS_PARAM_MAX);
  const note = fit(spec.note(d), SMS_PARAM_MAX);
  const when = fit(shortTime(d.startsAt).replace(' ', ''), SMS_PARAM_MAX);
  switch (key) {
    case 'booking_status':
      return [item, when, center, fit(spec.status, SMS_PARAM_MAX), note];
    case 'reminder':
      return [item, when, center, d.bookingCode ?? '', note];
    case 'case_progress':
      return [item, fit(spec.status, SMS_PARAM_MAX), center, note];
    case 'staff_task':
      return [fit(spec.inbox(d).title, SMS_PARAM_MAX), note, fit(shortTime(at).replace(' ', ''), SMS_PARAM_MAX)];
  }
}
