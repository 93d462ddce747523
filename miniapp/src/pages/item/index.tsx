import { Text, View } from '@tarojs/components';
import type { ItemDetail, Material } from '@contract/catalogue';
import { useEffect, useState, type ReactNode } from 'react';
import { Badge } from '@/components/Badge';
import { BigButton } from '@/components/BigButton';
import { DemoFooter } from '@/components/DemoFooter';
import { LinkRow } from '@/components/LinkRow';
import { Section } from '@/components/Section';
import { ErrorBlock, LoadingBlock } from '@/components/StatusBlock';
import { useAsync } from '@/hooks/useAsync';
import { centerKindLabel } from '@/lib/centers';
import {
  feeText,
  maxVisitsText,
  promisedDaysLongText,
  workingDaysText,
} from '@/lib/guideText';
import {
  conditionHint,
  materialCountText,
  materialFormLine,
  requirementLabel,
  sortMaterials,
} from '@/lib/materialText';
import { routes } from '@/lib/routes';
import { openPage } from '@/platform/navigation';
import { setPageTitle, usePageParam } from '@/platform/page';
import { ApiError } from '@/platform/request';
import { fetchItem } from '@/services/catalogue/fetchItem';
import './index.css';

const missingId = new ApiError('NOT_FOUND', '没有找到该事项');

/** Most items are handled in every township: show a few centres, the rest on request. */
const CENTERS_SHOWN_FIRST = 5;

export default function ItemPage(): ReactNode {
  const id = usePageParam('id');
  const { state, retry } = useAsync(
    () => (id === '' ? Promise.reject(missingId) : fetchItem(id)),
    [id],
  );

  useEffect(() => {
    if (state.status === 'ready') setPageTitle('办事指南');
  }, [state]);

  return (
    <View className="page item">
      {state.status === 'loading' ? <LoadingBlock text="正在加载办事指南…" /> : null}
      {state.status === 'error' ? <ErrorBlock message={state.error.message} onRetry={retry} /> : null}
      {state.status === 'ready' ? <Guide item={state.data} /> : null}
      <DemoFooter />
    </View>
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
  const materials = sortMaterials(item.materials);
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
        <Fact label="承诺时限" value={promisedDaysLongText(item.promisedDays)} />
        <Fact label="法定时限" value={workingDaysText(item.legalDays)} />
        <Fact label="收费" value={feeText(item.fee)} />
        <Fact label="办理方式" value={item.handlingModeLabel} />
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

      <Section
        title={`要带的材料（${materials.length}项）`}
        note={materials.length > 0 ? materialCountText(materials) : undefined}
      >
        {materials.length === 0 ? (
          <Text className="text-muted">暂无材料清单，出门前请先打电话问一问。</Text>
        ) : (
          materials.map((material, index) => (
            <MaterialLine key={material.id} material={material} index={index} />
          ))
        )}
      </Section>

      <WhereToGo centers={item.centers} />
    </View>
  );
}

function WhereToGo({ centers }: { centers: ItemDetail['centers'] }): ReactNode {
  const [showAll, setShowAll] = useState(false);
  const shown = showAll ? centers : centers.slice(0, CENTERS_SHOWN_FIRST);
  return (
    <Section title={centers.length > 0 ? `在哪里办（${centers.length}个地方）` : '在哪里办'}>
      {centers.length === 0 ? (
        <Text className="text-muted">请到户籍所在乡镇的便民服务中心咨询。</Text>
      ) : (
        shown.map((center) => (
          <LinkRow
            key={center.id}
            title={center.name}
            detail={`${centerKindLabel(center.kind)} · 看地址、电话和开放时间`}
            onClick={() => void openPage(routes.center(center.id))}
          />
        ))
      )}
      {shown.length < centers.length ? (
        <View className="item__more-centers">
          <BigButton kind="secondary" onClick={() => setShowAll(true)}>
            显示全部{centers.length}个地方
          </BigButton>
        </View>
      ) : null}
    </Section>
  );
}

function MaterialLine({ material, index }: { material: Material; index: number }): ReactNode {
  const required = material.requirement === 'required';
  return (
    <View className="material">
      <View className="material__head">
        <Text className="material__no">{index + 1}</Text>
        <Text className="material__name">{material.name}</Text>
      </View>
      <View className="material__meta">
        <Badge tone={required ? 'danger' : 'warning'}>{requirementLabel(material.requirement)}</Badge>
        <Text className="material__form">{materialFormLine(material)}</Text>
      </View>
      {required ? null : <Text className="material__condition">{conditionHint(material.condition)}</Text>}
      {material.notes ? <Text className="material__notes">说明：{material.notes}</Text> : null}
    </View>
  );
}
