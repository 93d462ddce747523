import { Text, View } from '@tarojs/components';
import type { ItemDetail } from '@contract/catalogue';
import { useEffect, type ReactNode } from 'react';
import { Badge } from '@/components/Badge';
import { DemoFooter } from '@/components/DemoFooter';
import { CENTERS_SHOWN_FIRST, Checklist, ChecklistSummary, WhereToGo } from '@/components/GuideChecklist';
import { OfflineBanner } from '@/components/OfflineBanner';
import { PageRoot } from '@/components/PageRoot';
import { Section } from '@/components/Section';
import { ErrorBlock, LoadingBlock } from '@/components/StatusBlock';
import { useChecklist } from '@/hooks/useChecklist';
import { useElderMode } from '@/hooks/useElderMode';
import { useFetched } from '@/hooks/useFetched';
import { feeText, maxVisitsText, promisedDaysLongText, workingDaysText } from '@/lib/guideText';
import { urlOf } from '@/lib/routes';
import { setPageTitle, usePageParams } from '@/platform/page';
import { ApiError } from '@/platform/request';
import { useShareMessage } from '@/platform/share';
import { fetchItem } from '@/services/catalogue/fetchItem';
import './index.css';

const missingId = new ApiError('NOT_FOUND', '没有找到该事项');

export default function ItemPage(): ReactNode {
  const { id } = usePageParams('item');
  const { state, savedAt, retry } = useFetched(
    () => (id === '' ? Promise.reject(missingId) : fetchItem(id)),
    [id],
  );

  useEffect(() => {
    if (state.status === 'ready') setPageTitle('办事指南');
  }, [state]);

  const name = state.status === 'ready' ? state.data.name : '';
  useShareMessage(() => ({ title: name ? `办“${name}”要带的材料` : '办事指南', path: urlOf('item', { id }) }));

  return (
    <PageRoot className="item">
      <OfflineBanner savedAt={savedAt} onRetry={retry} />
      {state.status === 'loading' ? <LoadingBlock text="正在加载办事指南…" /> : null}
      {state.status === 'error' ? <ErrorBlock message={state.error.message} onRetry={retry} /> : null}
      {state.status === 'ready' ? <Guide item={state.data} /> : null}
      <DemoFooter />
    </PageRoot>
  );
}

function Fact({ label, value }: { label: string; value: string }): ReactNode {
  return (
    <View className="fact">
      <Text className="fact__label">{label}</Text>
      <Text className="fact__value">{value}</Text>
    </View>
  );
}

function Guide({ item }: { item: ItemDetail }): ReactNode {
  const { elder } = useElderMode();
  const guide = { ...item, bookItemId: item.id };
  const [checklist, setChecklist] = useChecklist(
    item.id,
    item.materials.map((m) => m.id),
  );
  return (
    <View>
      <View className="item__head">
        <Text className="page-title">{item.name}</Text>
        <View className="item__badges">
          <Badge tone="primary">{item.categoryLabel}</Badge>
        </View>
        <Text className="page-lead">办理部门：{item.department.name}</Text>
      </View>

      <Section title="办理须知">
        <Fact label="跑几次" value={maxVisitsText(item.maxVisits)} />
        <Fact label="多久办好" value={promisedDaysLongText(item.promisedDays)} />
        {elder ? null : <Fact label="法定时限" value={workingDaysText(item.legalDays)} />}
        <Fact label="收费" value={feeText(item.fee)} />
        {elder ? null : <Fact label="办理方式" value={item.handlingModeLabel} />}
      </Section>

      {item.summary ? (
        <Section title="这件事是办什么的">
          <Text className="text-block">{item.summary}</Text>
        </Section>
      ) : null}

      {item.conditions ? (
        <Section title="什么情况可以办">
          <Text className="text-block">{item.conditions}</Text>
        </Section>
      ) : null}

      <Checklist item={guide} state={checklist} onChange={setChecklist} />

      <ChecklistSummary item={guide} state={checklist} />

      <WhereToGo centers={item.centers} shownFirst={elder ? 3 : CENTERS_SHOWN_FIRST} />
    </View>
  );
}

