// WeChat subscribe messages (订阅消息): the person allows reminders by tapping a button.
// wx.requestSubscribeMessage may only be called from that tap (nothing awaited before it), and
// does not exist on H5. Which templates to ask for comes from the server
// (GET /api/me/notification-settings → templates), fetched when the page opens.
import Taro from '@tarojs/taro';
import { acceptedTemplateIds, templateIdsOf } from '@/lib/reminders';
import { isWeapp } from './system';

/** Whether WeChat's sheet can be shown here for these templates (never on H5). */
export function canAskForReminders(templates: readonly { templateId: string }[] | null | undefined): boolean {
  return isWeapp() && templateIdsOf(templates).length > 0;
}

/**
 * Shows WeChat's "allow notifications" sheet for the given templates. Resolves with the template
 * ids asked for and those accepted ([] when refused, dismissed, or not available here). Call only
 * from a tap handler, first thing: the request is made before this function awaits anything.
 */
export async function askForReminders(
  templates: readonly { templateId: string }[] | null | undefined,
): Promise<{ asked: string[]; accepted: string[] }> {
  const asked = isWeapp() ? templateIdsOf(templates) : [];
  if (asked.length === 0) return { asked, accepted: [] };
  try {
    const answer = await Taro.requestSubscribeMessage({ tmplIds: asked } as Parameters<typeof Taro.requestSubscribeMessage>[0]);
    return { asked, accepted: acceptedTemplateIds(asked, answer as unknown as Record<string, unknown>) };
  } catch {
    return { asked, accepted: [] };
  }
}
