import { Text, Textarea, View } from '@tarojs/components';
import type { RatingRow } from '@contract/cases';
import { useState, type ReactNode } from 'react';
import { Badge } from '@/components/Badge';
import { BigButton } from '@/components/BigButton';
import { Chip } from '@/components/Chip';
import { PageRoot } from '@/components/PageRoot';
import { Section } from '@/components/Section';
import { EmptyBlock, ErrorBlock, LoadingBlock } from '@/components/StatusBlock';
import { useAsync } from '@/hooks/useAsync';
import { useLoginRequired } from '@/hooks/useLoginRequired';
import { useSubmit } from '@/hooks/useSubmit';
import { levelLabel } from '@/lib/rating';
import { followUpText, indicatorText, satisfactionText } from '@/lib/ratingSummary';
import { usePageParams } from '@/platform/page';
import { closeFollowUp, fetchRatings } from '@/services/manage/ratings';
import { urlOf } from '@/lib/routes';
import '../../shared/manage.css';
import './index.css';

/**
 * 好差评: how satisfied people were with the centre (or the county), and the follow-up (整改) of
 * every bad rating, closed in the page with what was done — the resident reads it.
 */
export default function RatingsPage(): ReactNode {
  const { id: center } = usePageParams('manageRatings');
  const session = useLoginRequired(urlOf('manageRatings', { id: center || undefined }));
  const [onlyBad, setOnlyBad] = useState(true);
  const { state, retry } = useAsync(
    () => (session ? fetchRatings({ center: center || undefined, bad: onlyBad }) : new Promise<never>(() => undefined)),
    [session?.token, center, onlyBad],
  );

  return (
    <PageRoot className="manage ratings">
      <Text className="page-title">好差评</Text>
      {state.status === 'loading' ? <LoadingBlock text="正在加载评价…" /> : null}
      {state.status === 'error' ? <ErrorBlock message={state.error.message} onRetry={retry} /> : null}
      {state.status === 'ready' ? (
        <View>
          <Section title="总体情况">
            <Text className="ratings__rate">{satisfactionText(state.data.summary)}</Text>
            <Text className={`m-line${state.data.summary.overdueFollowUps > 0 ? ' ratings__late' : ''}`}>{followUpText(state.data.summary)}</Text>
            {indicatorText(state.data.summary.indicators) ? (
              <Text className="m-line m-line--muted">群众勾选的问题：{indicatorText(state.data.summary.indicators)}</Text>
            ) : null}
          </Section>
          <View className="m-row">
            <Chip label="只看差评" selected={onlyBad} onClick={() => setOnlyBad(true)} />
            <Chip label="全部评价" selected={!onlyBad} onClick={() => setOnlyBad(false)} />
          </View>
          {state.data.rows.length === 0 ? <EmptyBlock title={onlyBad ? '没有差评' : '还没有评价'} /> : null}
          {state.data.rows.map((row) => (
            <RatingCard key={row.id} row={row} onClosed={retry} />
          ))}
          {state.data.total > state.data.rows.length ? (
            <Text className="m-line m-line--muted">只显示最近{state.data.rows.length}条，共{state.data.total}条。</Text>
          ) : null}
        </View>
      ) : null}
    </PageRoot>
  );
}

function RatingCard({ row, onClosed }: { row: RatingRow; onClosed: () => void }): ReactNode {
  const [writing, setWriting] = useState(false);
  const [resolution, setResolution] = useState('');
  const close = useSubmit(
    (text: string) => closeFollowUp(row.followUp!.id, text),
    () => {
      setWriting(false);
      onClosed();
    },
  );
  const f = row.followUp;
  return (
    <View className="ratings__card">
      <View className="m-row">
        <Badge tone={row.level <= 2 ? 'danger' : row.level === 3 ? 'neutral' : 'success'}>{levelLabel(row.level)}</Badge>
        {f ? <Badge tone={f.status === 'closed' ? 'success' : f.overdue ? 'danger' : 'warning'}>{f.status === 'closed' ? '已整改' : f.overdue ? '整改超期' : '待整改'}</Badge> : null}
      </View>
      <Text className="m-line">{row.itemName}</Text>
      <Text className="m-line m-line--muted">
        {row.createdAt.slice(5, 10).replace('-', '月')}日 · {row.center.name} · 预约码 {row.bookingCode}
        {row.staffName ? ` · 经办：${row.staffName}` : ''}
      </Text>
      {row.comment ? <Text className="ratings__comment">“{row.comment}”</Text> : null}
      {f && f.status === 'closed' ? (
        <Text className="m-line">整改结果（{f.closedByName ?? ''}）：{f.resolution}</Text>
      ) : null}
      {f && f.status === 'open' ? (
        <View>
          <Text className="m-line">请在{f.dueBy.slice(5).replace('-', '月')}日前联系群众并整改。</Text>
          {writing ? (
            <View>
              <Textarea
                className="ratings__input"
                value={resolution}
                maxlength={500}
                placeholder="写清楚怎么整改的，例如：已电话联系群众致歉，并说明补交材料的要求"
                onInput={(e) => setResolution(e.detail.value)}
              />
              {close.error ? <Text className="ratings__late">{close.error.message}</Text> : null}
              <View className="m-row">
                <BigButton disabled={close.pending} onClick={() => close.submit(resolution.trim())}>
                  {close.pending ? '正在提交…' : '提交整改结果'}
                </BigButton>
                <BigButton kind="secondary" onClick={() => setWriting(false)}>
                  先不写
                </BigButton>
              </View>
            </View>
          ) : (
            <BigButton kind="secondary" onClick={() => setWriting(true)}>
              填写整改结果
            </BigButton>
          )}
        </View>
      ) : null}
    </View>
  );
}
