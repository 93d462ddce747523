// 通知送达 for county admins (manage subpackage): rates, states and dead letters in words.
import type { DeliveryReport } from '@contract/notifications';

/** The channels as the admin's report names them. */
export const CHANNEL_NAMES = { wechat: '微信', sms: '短信' } as const;

/** 0.953 → "95%", null (nothing attempted) → "—". */
export function rateText(rate: number | null): string {
  return rate === null ? '—' : `${Math.round(rate * 100)}%`;
}

type DeliveryState = keyof DeliveryReport['states'];

export const DELIVERY_STATE_LABELS: Record<DeliveryState, string> = {
  scheduled: '定时发送（提醒、夜间）',
  pending: '等待发送',
  sending: '正在发送',
  delivered: '已送达',
  inbox_only: '只在消息里',
  dead: '发送失败',
  unknown: '不确定是否送达',
  obsolete: '已作废',
};

/** The states in a fixed order with their counts (states the report does not name count 0). */
export function stateRows(states: DeliveryReport['states']): { state: DeliveryState; label: string; count: number }[] {
  return (Object.keys(DELIVERY_STATE_LABELS) as DeliveryState[]).map((state) => ({
    state,
    label: DELIVERY_STATE_LABELS[state],
    count: states[state] ?? 0,
  }));
}

/** "试过微信、短信，共3次，最后错误 43101" */
export function deadLetterTried(letter: DeliveryReport['deadLetters'][number]): string {
  const tried = letter.channelsTried.length > 0 ? `试过${letter.channelsTried.map((c) => CHANNEL_NAMES[c]).join('、')}` : '没有可用的方式';
  const error = letter.lastError ? `，最后错误 ${letter.lastError}` : '';
  return `${tried}，共${letter.attempts}次${error}`;
}
