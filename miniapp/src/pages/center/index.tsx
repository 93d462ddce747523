import { Text, View } from '@tarojs/components';
import type { AvailabilityDay } from '@contract/booking';
import type { CenterDetail } from '@contract/catalogue';
import { useEffect, useState, type ReactNode } from 'react';
import { Badge } from '@/components/Badge';
import { BigButton } from '@/components/BigButton';
import { CenterToday } from '@/components/CenterToday';
import { DemoFooter } from '@/components/DemoFooter';
import { ItemCard } from '@/components/ItemCard';
import { LinkRow } from '@/components/LinkRow';
import { LoadMore } from '@/components/LoadMore';
import { OfflineBanner } from '@/components/OfflineBanner';
import { OnDutyList } from '@/components/OnDutyList';
import { PageRoot } from '@/components/PageRoot';
import { SearchField } from '@/components/SearchField';
import { Section } from '@/components/Section';
import { EmptyBlock, ErrorBlock, LoadingBlock } from '@/components/StatusBlock';
import { useCenterToday } from '@/hooks/useCenterToday';
import { useMyCenter } from '@/hooks/useMyCenter';
import { useNow } from '@/hooks/useNow';
import { usePagedList } from '@/hooks/usePagedList';
import { centerKindLabel, centerKindLongLabel } from '@/lib/centers';
import { olderSavedAt } from '@/lib/fetched';
import { toMyCenter } from '@/lib/myCenter';
import { groupOpeningHours } from '@/lib/openingHours';
import { urlOf } from '@/lib/routes';
import { shanghaiClock } from '@/lib/shanghaiTime';
import { openPage } from '@/platform/navigation';
import { setPageTitle, usePageParams } from '@/platform/page';
import { fetchItems } from '@/services/catalogue/fetchItems';
import { fetchOnDuty } from '@/services/catalogue/fetchOnDuty';
import { useAsync } from '@/hooks/useAsync';
import './index.css';

export default function CenterPage(): ReactNode {
  const { id } = usePageParams('center');
  const now = useNow();
  const { state, savedAt, retry } = useCenterToday(id, shanghaiClock(now).date);
  const [itemsSavedAt, setItemsSavedAt] = useState<number | null>(null);
  // 重试 reloads the centre and its item list
  const [attempt, setAttempt] = useState(0);
  const retryAll = (): void => {
    retry();
    setAttempt((n) => n + 1);
  };
  const [myCenter, setMyCenter] = useMyCenter();

  useEffect(() => {
    if (state.status !== 'ready') return;
    setPageTitle(state.data.center.name);
    // the first centre a resident opens becomes "my centre" on the home screen
    if (!myCenter) setMyCenter(toMyCenter(state.data.center));
  }, [state]);

  return (
    <PageRoot className="center">
      <OfflineBanner savedAt={olderSavedAt(savedAt, itemsSavedAt)} onRetry={retryAll} />
      {id === '' ? <EmptyBlock title="没有找到这个服务中心" hint="请回到首页重新选择" /> : null}
      {id !== '' && state.status === 'loading' ? <LoadingBlock /> : null}
      {state.status === 'error' ? <ErrorBlock message={state.error.message} onRetry={retry} /> : null}
      {state.status === 'ready' ? (
        <CenterView
          center={state.data.center}
          day={state.data.day}
          now={now}
          isMine={myCenter?.id === state.data.center.id}
          onMakeMine={() => setMyCenter(toMyCenter(state.data.center))}
          onItemsSaved={setItemsSavedAt}
          attempt={attempt}
        />
      ) : null}
      <DemoFooter />
    </PageRoot>
  );
}

interface ViewProps {
  center: CenterDetail;
  day: AvailabilityDay | null;
  now: Date;
  isMine: boolean;
  onMakeMine: () => void;
  onItemsSaved: (savedAt: number | null) => void;
  /** bumped by 重试 */
  attempt: number;
}

function CenterView({ center, day, now, isMine, onMakeMine, onItemsSaved, attempt }: ViewProps): ReactNode {
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

      <Section title="今天">
        <CenterToday center={center} day={day} now={now} />
      </Section>

      <OnDuty centerId={center.id} />

      <Section title="地址">
        <Text className="text-block">{center.address}</Text>
        <View className="center__mine">
          {isMine ? (
            <Text className="center__mine-text">✓ 这是您的服务中心，打开小程序就先看到它</Text>
          ) : (
            <BigButton kind="secondary" onClick={onMakeMine}>
              设为我的服务中心
            </BigButton>
          )}
        </View>
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
            onClick={() => void openPage(urlOf('center', { id: center.parent?.id ?? '' }))}
          />
        </Section>
      ) : null}

      {center.stations.length > 0 ? (
        <Section title={`下设便民服务站（${center.stations.length}个）`}>
          {center.stations.map((station) => (
            <LinkRow
              key={station.id}
              title={station.name}
              onClick={() => void openPage(urlOf('center', { id: station.id }))}
            />
          ))}
        </Section>
      ) : null}

      <CenterItems centerId={center.id} itemCount={center.itemCount} onSaved={onItemsSaved} attempt={attempt} />
    </View>
  );
}

/** 今日在岗: shown only when someone consented is on duty today; silent when offline. */
function OnDuty({ centerId }: { centerId: string }): ReactNode {
  const { state } = useAsync(() => fetchOnDuty(centerId), [centerId]);
  if (state.status !== 'ready' || state.data.staff.length === 0) return null;
  return (
    <Section title="今日在岗">
      <OnDutyList staff={state.data.staff} />
    </Section>
  );
}

interface ItemsProps {
  centerId: string;
  itemCount: number;
  onSaved: (savedAt: number | null) => void;
  attempt: number;
}

function CenterItems({ centerId, itemCount, onSaved, attempt }: ItemsProps): ReactNode {
  const [q, setQ] = useState('');
  const list = usePagedList((offset) => fetchItems({ center: centerId, q, offset }), [centerId, q, attempt]);
  const { state } = list;
  useEffect(() => onSaved(state.savedAt), [state.savedAt]);

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
          <ItemCard key={item.id} item={item} onOpen={(id) => void openPage(urlOf('item', { id }))} />
        ))}
        <LoadMore list={list} />
      </View>
    </Section>
  );
}
