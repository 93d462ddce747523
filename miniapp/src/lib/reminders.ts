// 提醒 (WeChat subscribe messages): which templates to ask for (the server names them), and which
// the person accepted.

/** WeChat shows at most three templates in one request. */
export const MAX_TEMPLATES_PER_REQUEST = 3;

/**
 * The templates to ask for (GET /api/me/notification-settings → `templates`): their ids, each
 * once, at most three.
 */
export function templateIdsOf(templates: readonly { templateId: string }[] | null | undefined): string[] {
  const ids = (templates ?? []).map((t) => t.templateId.trim()).filter((id) => id !== '');
  return [...new Set(ids)].slice(0, MAX_TEMPLATES_PER_REQUEST);
}

/** From requestSubscribeMessage's answer ({ [templateId]: 'accept' | 'reject' | 'ban' | 'filter' }). */
export function acceptedTemplateIds(templateIds: readonly string[], answer: Readonly<Record<string, unknown>>): string[] {
  return templateIds.filter((id) => answer[id] === 'accept');
}

/** What the page says after asking. */
export function reminderResultText(asked: number, accepted: number): string {
  if (asked === 0) return '提醒暂未开通，请记住预约时间。';
  if (accepted === 0) return '您没有同意接收提醒。要提醒的话，可以再点一次。';
  return '已设置提醒：办理前一天和进度有变化时，微信会通知您。';
}
