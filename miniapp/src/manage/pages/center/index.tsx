import { Text, View } from '@tarojs/components';
import type { CenterConfig } from '@contract/center-config';
import type { ReactNode } from 'react';
import { LinkRow } from '@/components/LinkRow';
import { PageRoot } from '@/components/PageRoot';
import { Section } from '@/components/Section';
import { EmptyBlock, ErrorBlock, LoadingBlock } from '@/components/StatusBlock';
import { useAsync } from '@/hooks/useAsync';
import { useLoginRequired } from '@/hooks/useLoginRequired';
import { closureRuns, weekdaysText } from '@/lib/centerConfig';
import { openPage } from '@/platform/navigation';
import { usePageParams } from '@/platform/page';
import { fetchManagedCenters } from '@/services/manage/manage';
import { urlOf } from '@/lib/routes';
import { useCenterConfig } from '../../shared/useCenterConfig';
import '../../shared/manage.css';

/**
 * 中心设置: the overview of one centre's configuration with links to each setting. Without an
 * `id`: a manager goes to their centre, a county admin picks one of the county's.
 */
export default function ManageCenterPage(): ReactNode {
  const { id } = usePageParams('manageCenter');
  return <PageRoot className="manage">{id ? <Overview centerId={id} /> : <Picker />}</PageRoot>;
}

function Picker(): ReactNode {
  const session = useLoginRequired(urlOf('manageCenter'));
  const { state, retry } = useAsync(() => (session ? fetchManagedCenters() : new Promise<never>(() => undefined)), [session?.token]);
  if (state.status === 'loading') return <LoadingBlock />;
  if (state.status === 'error') return <ErrorBlock message={state.error.message} onRetry={retry} />;
  const centers = state.data.centers;
  if (centers.length === 1) return <Overview centerId={centers[0]!.id} />;
  if (centers.length === 0) return <EmptyBlock title="没有您可以设置的中心" hint="请联系县政务服务管理员" />;
  return (
    <Section title="选择要设置的中心">
      {centers.map((c) => (
        <LinkRow key={c.id} title={c.name} detail={c.township} onClick={() => void openPage(urlOf('manageCenter', { id: c.id }))} />
      ))}
    </Section>
  );
}

function Overview({ centerId }: { centerId: string }): ReactNode {
  const { state, config, retry } = useCenterConfig(centerId, urlOf('manageCenter', { id: centerId }));
  if (state.status === 'error') return <ErrorBlock message={state.error.message} onRetry={retry} />;
  if (!config) return <LoadingBlock />;
  return <OverviewView config={config} />;
}

function OverviewView({ config }: { config: CenterConfig }): ReactNode {
  const id = config.center.id;
  const windows = config.windows.filter((w) => w.active);
  const closed = closureRuns(config.closures);
  const onDuty = config.staff.filter((s) => s.public && s.onDutyToday);
  const r = config.rules;
  return (
    <View>
      <View className="center__head">
        <Text className="page-title">{config.center.name}</Text>
        <Text className="page-lead">
          还有{config.futureBookings.count}个预约待办理，{config.items.filter((i) => i.enabled).length}个事项在本中心办理
        </Text>
      </View>
      <Section title="窗口和号源">
        <Text className="m-line">{windows.length}个窗口在用：{windows.map((w) => w.name).join('、') || '无'}</Text>
        <LinkRow title="改窗口的号源" detail="每段几个号、现场号" onClick={() => void openPage(urlOf('manageCapacity', { id }))} />
      </Section>
      <Section title="停办安排">
        {closed.length === 0 ? <Text className="m-line m-line--muted">近期没有停办</Text> : null}
        {closed.map((c) => (
          <Text key={c.ids[0]} className="m-line">
            {c.text}：{c.reason}
          </Text>
        ))}
        <LinkRow title="安排停办" detail="节假日、停电检修" onClick={() => void openPage(urlOf('manageClosures', { id }))} />
      </Section>
      <Section title="好差评">
        <LinkRow title="看评价和整改" detail="满意率、差评和整改期限" onClick={() => void openPage(urlOf('manageRatings', { id }))} />
      </Section>
      <Section title="开放时间和预约规则">
        <Text className="m-line">
          可提前{r.open_days_ahead}天预约，开始前{r.close_hours_before}小时截止；每人每周最多{r.weekly_cap}次、每月{r.monthly_cap}次
        </Text>
        <LinkRow title="改开放时间和规则" onClick={() => void openPage(urlOf('manageRules', { id }))} />
      </Section>
      <Section title="今日在岗公示">
        <Text className="m-line">
          今天公示{onDuty.length}人：{onDuty.map((s) => `${s.name}（${s.post}）`).join('、') || '无'}
        </Text>
        {config.staff
          .filter((s) => !s.public && s.active)
          .map((s) => (
            <Text key={s.id} className="m-line m-line--muted">
              {s.name}：{s.consentWithdrawnAt ? '已撤回同意，不公示' : '还没有同意公示'}（{weekdaysText(s.dutyWeekdays)}）
            </Text>
          ))}
        <LinkRow title="管理在岗人员" onClick={() => void openPage(urlOf('manageOnDuty', { id }))} />
      </Section>
    </View>
  );
}
