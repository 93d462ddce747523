import { Text, View } from '@tarojs/components';
import type { DeadLetter, DeliveryReport } from '@contract/notifications';
import { useState, type ReactNode } from 'react';
import { ActionButton } from '@/components/ActionButton';
import { Badge } from '@/components/Badge';
import { PageRoot } from '@/components/PageRoot';
import { Section } from '@/components/Section';
import { EmptyBlock, ErrorBlock, LoadingBlock } from '@/components/StatusBlock';
import { useAsync } from '@/hooks/useAsync';
import { useSubmit } from '@/hooks/useSubmit';
import { momentText } from '@/lib/bookingTime';
import { CHANNEL_NAMES, deadLetterTried, DELIVERY_STATE_LABELS, rateText, stateRows } from '@/lib/deliveryReport';
import { urlOf } from '@/lib/routes';
import { fetchDeliveryReport } from '@/services/notifications/fetchDeliveryReport';
import { retryNotification } from '@/services/notifications/retryNotification';
import { AdminOnly } from '../../catalogue/AdminOnly';
import '../../catalogue/catalogue-admin.css';
import '../../shared/manage.css';
import './index.css';

const DAYS = 7;

/**
 * 通知送达 (county admin): of the county's notifications in the last 7 days, how many each channel
 * tried, sent and failed, how many are in each state, and the ones no channel delivered (the inbox
 * still has them) with 重新发送 on each.
 */
export default function DeliveryPage(): ReactNode {
  return (
    <PageRoot className="manage delivery">
      <Text className="page-title">通知送达</Text>
      <Text className="page-lead delivery__lead">最近{DAYS}天，全县发出的通知有多少送到了。没送到的，群众在“消息”里仍能看到。</Text>
      <AdminOnly back={urlOf('manageNotifications')} what="查看通知送达">
        {() => <Report />}
      </AdminOnly>
    </PageRoot>
  );
}

function Report(): ReactNode {
  const { state, retry } = useAsync<DeliveryReport>(() => fetchDeliveryReport(DAYS), []);
  if (state.status === 'loading') return <LoadingBlock text="正在统计…" />;
  if (state.status === 'error') return <ErrorBlock message={state.error.message} onRetry={retry} />;
  const report = state.data;
  return (
    <View>
      <Section title="各渠道">
        {report.channels.length === 0 ? <Text className="m-line m-line--muted">这几天没有发过微信或短信。</Text> : null}
        {report.channels.map((c) => (
          <View key={c.channel} className="m-item delivery__channel">
            <View className="delivery__channel-head">
              <Text className="delivery__channel-name">{CHANNEL_NAMES[c.channel]}</Text>
              <Text className="delivery__rate">成功率 {rateText(c.rate)}</Text>
            </View>
            <Text className="m-line">
              发送{c.attempted}次，成功{c.sent}次，失败{c.failed}次{c.unknown > 0 ? `，不确定${c.unknown}次` : ''}
            </Text>
          </View>
        ))}
      </Section>

      <Section title="通知的状态">
        {stateRows(report.states).map((row) => (
          <View key={row.state} className="delivery__state">
            <Text className="m-line">{row.label}</Text>
            <Text className="delivery__count">{row.count}</Text>
          </View>
        ))}
      </Section>

      <Section title={`没有送到的（${report.deadLetters.length}条）`} note="重新发送会再试一次微信和短信；不会重复发给已经收到的人。">
        {report.deadLetters.length === 0 ? <EmptyBlock title="都送到了" hint="没有发送失败的通知。" /> : null}
        {report.deadLetters.map((letter) => (
          <DeadLetterRow key={letter.id} letter={letter} />
        ))}
      </Section>
    </View>
  );
}

function DeadLetterRow({ letter }: { letter: DeadLetter }): ReactNode {
  const [queued, setQueued] = useState(false);
  const retry = useSubmit(() => retryNotification(letter.id), () => setQueued(true));
  return (
    <View className="m-item delivery__letter">
      <View className="delivery__letter-head">
        <Text className="delivery__letter-title">{letter.title}</Text>
        <Badge tone={letter.state === 'dead' ? 'danger' : 'warning'}>{DELIVERY_STATE_LABELS[letter.state]}</Badge>
      </View>
      <Text className="m-line">
        发给{letter.recipient}
        {letter.center ? ` · ${letter.center.name}` : ''}
      </Text>
      <Text className="m-line m-line--muted">{momentText(letter.createdAt)}</Text>
      <Text className="m-line m-line--muted">{deadLetterTried(letter)}</Text>
      {queued ? (
        <Text className="m-notice m-notice--ok">已重新排队发送，稍后看结果。</Text>
      ) : (
        <View className="m-gap">
          <ActionButton kind="secondary" pending={retry.pending} pendingText="正在重新发送…" error={retry.error} onRetry={retry.retry} onClick={() => retry.submit(undefined)}>
            重新发送
          </ActionButton>
        </View>
      )}
    </View>
  );
}
