import { Text, View } from '@tarojs/components';
import type { CenterConfig } from '@contract/center-config';
import { useState, type ReactNode } from 'react';
import { ActionButton } from '@/components/ActionButton';
import { InlineConfirm } from '@/components/InlineConfirm';
import { PageRoot } from '@/components/PageRoot';
import { Section } from '@/components/Section';
import { ErrorBlock, LoadingBlock } from '@/components/StatusBlock';
import { useSubmit } from '@/hooks/useSubmit';
import { closureRuns, isDate } from '@/lib/centerConfig';
import { usePageParams } from '@/platform/page';
import { addClosure, removeClosure } from '@/services/manage/manage';
import { TextField } from '@/components/Field';
import { Notice } from '../../shared/Notice';
import { urlOf } from '@/lib/routes';
import { useCenterConfig } from '../../shared/useCenterConfig';
import '../../shared/manage.css';

/**
 * 停办安排: close the centre on some days with the reason residents see (国庆节, 停电检修).
 * When people have booked those days, the page says how many and asks, in the page, whether
 * to cancel their bookings and tell them why.
 */
export default function ClosuresPage(): ReactNode {
  const { id } = usePageParams('manageClosures');
  const { state, config, replace, retry } = useCenterConfig(id, urlOf('manageClosures', { id }));
  return (
    <PageRoot className="manage">
      {state.status === 'error' ? <ErrorBlock message={state.error.message} onRetry={retry} /> : null}
      {!config && state.status !== 'error' ? <LoadingBlock /> : null}
      {config ? <ClosuresView config={config} onSaved={replace} /> : null}
    </PageRoot>
  );
}

interface Draft {
  from: string;
  to: string;
  reason: string;
  cancelAffected: boolean;
}

function ClosuresView({ config, onSaved }: { config: CenterConfig; onSaved: (c: CenterConfig) => void }): ReactNode {
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState('');
  const [done, setDone] = useState('');
  const add = useSubmit(
    (d: Draft) => addClosure(config.center.id, d),
    (next) => {
      onSaved(next);
      const n = next.cancelledBookings ?? 0;
      setDone(n > 0 ? `已安排停办，取消了${n}个预约，群众在“我的预约”里能看到原因。` : '已安排停办，群众预约时会看到原因。');
      setFrom('');
      setTo('');
      setReason('');
    },
  );
  // a run of days is one closure for the manager: its days are removed one after the other
  const remove = useSubmit(async (a: { ids: string[] }) => {
    let next = config;
    for (const closureId of a.ids) next = await removeClosure(config.center.id, closureId);
    return next;
  }, (next) => onSaved(next));
  const booked = add.error?.code === 'CLOSURE_HAS_BOOKINGS';

  const draft = (cancelAffected: boolean): Draft => ({ from: from.trim(), to: (to.trim() || from).trim(), reason: reason.trim(), cancelAffected });
  const submit = (): void => {
    setDone('');
    const d = draft(false);
    if (!isDate(d.from) || !isDate(d.to)) return setProblem('日期请写成 2026-10-01 这样');
    if (d.reason.length < 2) return setProblem('请写明原因，群众会看到，例如“国庆节放假”“停电检修”');
    setProblem('');
    add.submit(d);
  };

  return (
    <View>
      <Text className="page-title">{config.center.name}</Text>
      <Section title="安排停办" note="停办的日子群众不能预约，会看到您写的原因">
        <View className="m-row">
          <TextField look="manage" label="从哪天" value={from} onChange={setFrom} placeholder="2026-10-01" maxLength={10} />
          <TextField look="manage" label="到哪天（只停一天可不填）" value={to} onChange={setTo} placeholder="2026-10-07" maxLength={10} />
        </View>
        <TextField look="manage" label="原因（群众能看到）" value={reason} onChange={setReason} placeholder="例如：国庆节放假" maxLength={100} />
        {problem ? <Notice tone="warn">{problem}</Notice> : null}
        {done ? <Notice tone="ok">{done}</Notice> : null}
        {booked && add.error ? (
          <InlineConfirm
            message={`${add.error.message.split('。')[0]}。要停办的话，这些预约会被取消，群众会看到“中心停止办公：${reason.trim()}”。`}
            cancelText="先不停办"
            confirmText="取消这些预约并通知群众"
            onCancel={add.clearError}
            onConfirm={() => add.submit(draft(true))}
          />
        ) : (
          <ActionButton pending={add.pending} error={add.error} onClick={submit}>
            安排停办
          </ActionButton>
        )}
      </Section>
      <Section title="已安排的停办">
        {config.closures.length === 0 ? <Text className="m-line m-line--muted">近期没有停办</Text> : null}
        {closureRuns(config.closures).map((run) => (
          <View key={run.ids[0]} className="m-item">
            <Text className="m-line">
              {run.text}：{run.reason}
            </Text>
            <ActionButton kind="secondary" pending={remove.pending} onClick={() => remove.submit({ ids: run.ids })}>
              取消这次停办
            </ActionButton>
          </View>
        ))}
        {remove.error ? <Notice tone="warn">{remove.error.message}</Notice> : null}
      </Section>
    </View>
  );
}
