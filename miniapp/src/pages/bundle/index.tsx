import { Text, View } from '@tarojs/components';
import type { BundleDetail } from '@contract/catalogue';
import { useEffect, type ReactNode } from 'react';
import { Badge } from '@/components/Badge';
import { DemoFooter } from '@/components/DemoFooter';
import { CENTERS_SHOWN_FIRST, Checklist, ChecklistSummary, WhereToGo, type ChecklistGuide } from '@/components/GuideChecklist';
import { LinkRow } from '@/components/LinkRow';
import { OfflineBanner } from '@/components/OfflineBanner';
import { PageRoot } from '@/components/PageRoot';
import { Section } from '@/components/Section';
import { ErrorBlock, LoadingBlock } from '@/components/StatusBlock';
import { useChecklist } from '@/hooks/useChecklist';
import { useElderMode } from '@/hooks/useElderMode';
import { useFetched } from '@/hooks/useFetched';
import { mergeBundleMaterials } from '@/lib/bundleGuide';
import { promisedDaysText } from '@/lib/guideText';
import { urlOf } from '@/lib/routes';
import { openPage } from '@/platform/navigation';
import { setPageTitle, usePageParams } from '@/platform/page';
import { ApiError } from '@/platform/request';
import { useShareMessage } from '@/platform/share';
import { fetchBundle } from '@/services/catalogue/fetchBundle';
import './index.css';

const missingId = new ApiError('NOT_FOUND', '没有找到这件“一件事”');

/** 一件事一次办: several items one life event needs, as one guide, one checklist, one booking. */
export default function BundlePage(): ReactNode {
  const { id } = usePageParams('bundle');
  const { state, savedAt, retry } = useFetched(() => (id === '' ? Promise.reject(missingId) : fetchBundle(id)), [id]);

  useEffect(() => {
    if (state.status === 'ready') setPageTitle('一件事一次办');
  }, [state]);

  const name = state.status === 'ready' ? state.data.name : '';
  useShareMessage(() => ({ title: name ? `办“${name}”要带的材料` : '一件事一次办', path: urlOf('bundle', { id }) }));

  return (
    <PageRoot className="bundle">
      <OfflineBanner savedAt={savedAt} onRetry={retry} />
      {state.status === 'loading' ? <LoadingBlock text="正在加载办事指南…" /> : null}
      {state.status === 'error' ? <ErrorBlock message={state.error.message} onRetry={retry} /> : null}
      {state.status === 'ready' ? <BundleGuide bundle={state.data} /> : null}
      <DemoFooter />
    </PageRoot>
  );
}

function BundleGuide({ bundle }: { bundle: BundleDetail }): ReactNode {
  const { elder } = useElderMode();
  const lead = bundle.items[0];
  const guide: ChecklistGuide = {
    id: `bundle:${bundle.id}`,
    name: bundle.name,
    materials: mergeBundleMaterials(bundle.items),
    centers: bundle.centers,
    bookItemId: lead?.id ?? '',
  };
  const [checklist, setChecklist] = useChecklist(
    guide.id,
    guide.materials.map((m) => m.id),
  );
  return (
    <View>
      <View className="bundle__head">
        <Badge tone="success">一件事一次办</Badge>
        <Text className="page-title">{bundle.name}</Text>
        <Text className="page-lead">{bundle.summary}</Text>
      </View>

      <Section title={`一次办好这${bundle.items.length}件事`} note="到一个窗口交一套材料，工作人员一起办。点一件事可看它的详细说明。">
        {bundle.items.map((item, i) => (
          <LinkRow
            key={item.id}
            title={`${i + 1}. ${item.name}`}
            detail={elder ? undefined : `${item.department.name} · ${promisedDaysText(item.promisedDays)}`}
            onClick={() => void openPage(urlOf('item', { id: item.id }))}
          />
        ))}
      </Section>

      {lead ? <Checklist item={guide} state={checklist} onChange={setChecklist} /> : null}
      {lead ? <ChecklistSummary item={guide} state={checklist} /> : null}
      <WhereToGo centers={bundle.centers} shownFirst={elder ? 3 : CENTERS_SHOWN_FIRST} />
    </View>
  );
}
