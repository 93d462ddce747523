import { Text, View } from '@tarojs/components';
import type { NotificationSettings, UpdateNotificationSettings } from '@contract/notifications';
import { useEffect, useState, type ReactNode } from 'react';
import { ActionButton } from '@/components/ActionButton';
import { DemoFooter } from '@/components/DemoFooter';
import { LinkRow } from '@/components/LinkRow';
import { PageRoot } from '@/components/PageRoot';
import { Section } from '@/components/Section';
import { ErrorBlock, LoadingBlock } from '@/components/StatusBlock';
import { SwitchRow } from '@/components/SwitchRow';
import { useAsync } from '@/hooks/useAsync';
import { useLoginRequired } from '@/hooks/useLoginRequired';
import { useSubmit } from '@/hooks/useSubmit';
import { CHANNEL_LABELS, channelDetail, notReadyLines, QUIET_HOURS_DETAIL, QUIET_HOURS_LABEL } from '@/lib/notifications';
import { reminderResultText } from '@/lib/reminders';
import { urlOf } from '@/lib/routes';
import { openPage } from '@/platform/navigation';
import { useShownAgain } from '@/platform/page';
import { askForReminders, canAskForReminders } from '@/platform/reminders';
import { fetchNotificationSettings } from '@/services/notifications/fetchNotificationSettings';
import { saveNotificationSettings } from '@/services/notifications/saveNotificationSettings';
import { saveSubscriptions } from '@/services/notifications/saveSubscriptions';
import './index.css';

/**
 * 通知方式 (urlOf('noticePreferences')): switches for 微信通知, 短信 and 夜间免打扰; under them which
 * channel will reach the person now, and why a channel cannot (e.g. 还没有手机号).
 */
export default function PreferencesPage(): ReactNode {
  const session = useLoginRequired(urlOf('noticePreferences'));
  const { state, retry } = useAsync<NotificationSettings>(
    () => (session ? fetchNotificationSettings() : new Promise<NotificationSettings>(() => undefined)),
    [session],
  );
  // back from 设置 (a phone number left there): read again
  useShownAgain(retry);
  // what is shown: the last answer, of a read or of a change (kept on screen while reading again)
  const [settings, setSettings] = useState<NotificationSettings | null>(null);
  useEffect(() => {
    if (state.status === 'ready') setSettings(state.data);
  }, [state]);
  const save = useSubmit((change: UpdateNotificationSettings) => saveNotificationSettings(change), setSettings);

  return (
    <PageRoot className="prefs">
      <Text className="page-title">通知方式</Text>
      <Text className="page-lead">预约和办理有变化时，怎样告诉您。“消息”里总能看到全部通知。</Text>
      {!settings && state.status === 'loading' ? <LoadingBlock text="正在打开通知方式…" /> : null}
      {!settings && state.status === 'error' ? <ErrorBlock message={state.error.message} onRetry={retry} /> : null}
      {settings ? <Switches settings={settings} pending={save.pending} onChange={save.submit} /> : null}
      {settings && canAskForReminders(settings.templates) ? <AllowWechat settings={settings} onDone={retry} /> : null}
      {save.error ? (
        <View className="prefs__error" ariaRole="alert">
          <Text className="prefs__error-title">没有改成</Text>
          <Text className="prefs__error-text">{save.error.message}</Text>
        </View>
      ) : null}
      {settings ? <Reach settings={settings} /> : null}
      <DemoFooter />
    </PageRoot>
  );
}

function Switches({ settings, pending, onChange }: { settings: NotificationSettings; pending: boolean; onChange: (change: UpdateNotificationSettings) => void }): ReactNode {
  return (
    <View className="prefs__switches">
      <SwitchRow title={CHANNEL_LABELS.wechat} detail={channelDetail('wechat', settings)} on={settings.wechat} pending={pending} onToggle={() => onChange({ wechat: !settings.wechat })} />
      <SwitchRow title={CHANNEL_LABELS.sms} detail={channelDetail('sms', settings)} on={settings.sms} pending={pending} onToggle={() => onChange({ sms: !settings.sms })} />
      <SwitchRow
        title={QUIET_HOURS_LABEL}
        detail={QUIET_HOURS_DETAIL}
        on={settings.quietHours}
        pending={pending}
        onToggle={() => onChange({ quietHours: !settings.quietHours })}
      />
    </View>
  );
}

/**
 * 允许微信通知: WeChat allows one message per accept, so a long matter can use them up; here the
 * person allows more at a tap (WeChat's sheet first thing in the tap, as WeChat insists).
 */
function AllowWechat({ settings, onDone }: { settings: NotificationSettings; onDone: () => void }): ReactNode {
  const [result, setResult] = useState('');
  const allow = useSubmit(
    async (_: undefined, key: string) => {
      const answer = await askForReminders(settings.templates); // nothing awaited before WeChat's sheet
      if (answer.asked.length > 0) await saveSubscriptions({ templateIds: answer.asked, accepted: answer.accepted }, key);
      return answer;
    },
    (answer) => {
      setResult(reminderResultText(answer.asked.length, answer.accepted.length));
      onDone();
    },
  );
  return (
    <Section title="微信通知">
      <Text className="text-block">{settings.why}</Text>
      <Text className="prefs__why">还能收 {settings.reach.wechat.consentsLeft} 条微信通知</Text>
      {result !== '' ? <Text className="prefs__summary">{result}</Text> : null}
      <ActionButton pending={allow.pending} pendingText="正在设置…" error={allow.error} onRetry={allow.retry} onClick={() => allow.submit(undefined)}>
        允许微信通知
      </ActionButton>
    </Section>
  );
}

/** Which channel will reach the person, and why the others cannot, in plain words. */
function Reach({ settings }: { settings: NotificationSettings }): ReactNode {
  const lines = notReadyLines(settings);
  return (
    <Section title="现在会怎样通知您">
      <Text className="prefs__summary">{settings.reach.summary}</Text>
      {lines.map((line) => (
        <Text key={line} className="prefs__why">
          · {line}
        </Text>
      ))}
      {settings.reach.sms.phone === null ? (
        <LinkRow title="留手机号" detail="在“设置”里，用微信绑定的手机号" onClick={() => void openPage(urlOf('settings'))} />
      ) : null}
    </Section>
  );
}
