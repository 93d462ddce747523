// WeChat subscribe messages (订阅消息): the person allows reminders by tapping a button.
// wx.requestSubscribeMessage may only be called from that tap, and does not exist on H5.
import Taro from '@tarojs/taro';
import { acceptedTemplateIds, templateIdsFrom } from '@/lib/reminders';
import { isWeapp } from './system';

/** The templates this build asks for (TARO_APP_SUBSCRIBE_TEMPLATE_IDS, comma-separated). */
export function reminderTemplateIds(): string[] {
  return isWeapp() ? templateIdsFrom(process.env.TARO_APP_SUBSCRIBE_TEMPLATE_IDS) : [];
}

/** Whether this build can offer reminders at all. */
export function canAskForReminders(): boolean {
  return reminderTemplateIds().length > 0;
}

/**
 * Shows WeChat's "allow notifications" sheet. Resolves with the template ids accepted
 * ([] when refused, dismissed, or not available here). Call only from a tap handler.
 */
export async function askForReminders(): Promise<{ asked: string[]; accepted: string[] }> {
  const asked = reminderTemplateIds();
  if (asked.length === 0) return { asked, accepted: [] };
  try {
    const answer = await Taro.requestSubscribeMessage({ tmplIds: asked } as Parameters<typeof Taro.requestSubscribeMessage>[0]);
    return { asked, accepted: acceptedTemplateIds(asked, answer as unknown as Record<string, unknown>) };
  } catch {
    return { asked, accepted: [] };
  }
}
