import { Text, View } from '@tarojs/components';
import type { CenterDetail } from '@contract/catalogue';
import { useEffect, useState, type ReactNode } from 'react';
import { Badge } from '@/components/Badge';
import { BigButton } from '@/components/BigButton';
import { DemoFooter } from '@/components/DemoFooter';
import { ItemCard } from '@/components/ItemCard';
import { LinkRow } from '@/components/LinkRow';
import { LoadMore } from '@/components/LoadMore';
import { SearchField } from '@/components/SearchField';
import { Section } from '@/components/Section';
import { EmptyBlock, ErrorBlock, LoadingBlock } from '@/components/StatusBlock';
import { useAsync } from '@/hooks/useAsync';
import { usePagedList } from '@/hooks/usePagedList';
import { centerKindLabel, centerKindLongLabel } from '@/lib/centers';
import { groupOpeningHours } from '@/lib/openingHours';
import { routes } from '@/lib/routes';
import { openPage } from '@/platform/navigation';
import { setPageTitle, usePageParam } from '@/platform/page';
import { callPhone } from '@/platform/phone';
import { ApiError } from '@/platform/request';
import { fetchCenter } from '@/services/catalogue/fetchCenter';
import { fetchItems } from '@/services/catalogue/fetchItems';
import './index.css';

const missingId = new ApiError('NOT_FOUND', '没有找到这个服务中心');

export default function CenterPage(): ReactNode {
  const id = usePageParam('id');
  const { state, retry } = useAsync(
    () => (id === '' ? Promise.reject(missingId) : fetchCenter(id)),
    [id],
  );

  useEffect(() => {
    if (state.status === 'ready') setPageTitle(state.data.name);
  }, [state]);

  return (
    <View className="page center">
      {state.status === 'loading' ? <LoadingBlock /> : null}
      {state.status === 'error' ? <ErrorBlock message={state.error.message} onRetry={retry} /> : null}
      {state.status === 'ready' ? <CenterView center={state.data} /> : null}
      <DemoFooter />
    </View>
  );
}

function CenterView({ center }: { center: CenterDetail }): ReactNode {
  const hours = groupOpeningHours(center.openingHours);
  return (
    <View>
      <View className="center__head">
        <Badge tone={center.kind === 'center' ? 'primary' : 'neutral'}>
          {centerKindLongLabel(center.kind)}
        </Badge>
        <Text className="page-title center__name">{center.name}</Text>
        <Text className="page-lead">所在乡镇：{center.township}</Text>
      </View>

      <Section title="地址和电话">
        <Text className="text-block">{center.address}</Text>
        {center.phone ? (
          <View className="center__call">
            <BigButton onClick={() => void callPhone(center.phone)}>拨打电话 {center.phone}</BigButton>
          </View>
        ) : null}
      </Section>

      <Section title="开放时间">
        {hours.length === 0 ? (
          <Text className="text-muted">暂无开放时间，请先打电话问一问。</Text>
        ) : (
          hours.map((line) => (
            <View key={line.days} className={`hours-line${line.closed ? ' hours-line--closed' : ''}`}>
              <Text className="hours-line__days">{line.days}</Text>
              {line.sessions.map((session) => (
                <Text key={session} className="hours-line__hours">
                  {session}
                </Text>
              ))}
            </View>
          ))
        )}
        {center.scheduleNote ? <Text className="center__note">{center.scheduleNote}</Text> : null}
        <Text className="text-muted center__holiday">法定节假日按当地公告安排。</Text>
      </Section>

      {center.parent ? (
        <Section title="所属乡镇便民服务中心">
          <LinkRow
            title={center.parent.name}
            detail={centerKindLabel(center.parent.kind)}
            onClick={() => void openPage(routes.center(center.parent?.id ?? ''))}
          />
        </Section>
      ) : null}

      {center.stations.length > 0 ? (
        <Section title={`下设便民服务站（${center.stations.length}个）`}>
          {center.stations.map((station) => (
            <LinkRow
              key={station.id}
              title={station.name}
              onClick={() => void openPage(routes.center(station.id))}
            />
          ))}
        </Section>
      ) : null}

      <CenterItems centerId={center.id} itemCount={center.itemCount} />
    </View>
  );
}

function CenterItems({ centerId, itemCount }: { centerId: string; itemCount: number }): ReactNode {
  const [q, setQ] = useState('');
  const list = usePagedList((offset) => fetchItems({ center: centerId, q, offset }), [centerId, q]);
  const { state } = list;

  return (
    <Section title={`在这里能办的事（${itemCount}项）`}>
      <SearchField placeholder="搜本中心的事项" value={q} onSearch={setQ} />
      <View className="center__items">
        {state.rows.length === 0 && (state.status === 'loading' || state.status === 'more') ? (
          <LoadingBlock />
        ) : null}
        {state.rows.length === 0 && state.status === 'error' && state.error ? (
          <ErrorBlock message={state.error.message} onRetry={list.retry} />
        ) : null}
        {state.rows.length === 0 && state.status === 'ready' ? (
          <EmptyBlock
            title={q ? `没有找到“${q}”相关的事项` : '这里还没有登记能办的事项'}
            hint={q ? '换个说法试试，比如“低保”“医保”“户口”' : '请打电话问一问'}
            actionText={q ? '看全部事项' : undefined}
            onAction={q ? () => setQ('') : undefined}
          />
        ) : null}
        {state.rows.map((item) => (
          <ItemCard key={item.id} item={item} onOpen={(id) => void openPage(routes.item(id))} />
        ))}
        <LoadMore list={list} />
      </View>
    </Section>
  );
}
