import { Text, View } from '@tarojs/components';
import type { CenterSummary } from '@contract/catalogue';
import { useState, type ReactNode } from 'react';
import { BigButton } from '@/components/BigButton';
import { CenterCard } from '@/components/CenterCard';
import { CenterToday } from '@/components/CenterToday';
import { DemoFooter } from '@/components/DemoFooter';
import { ElderSwitch } from '@/components/ElderSwitch';
import { OfflineBanner } from '@/components/OfflineBanner';
import { PageRoot } from '@/components/PageRoot';
import { SearchField } from '@/components/SearchField';
import { UnreadEntry } from '@/components/UnreadEntry';
import { EmptyBlock, ErrorBlock, LoadingBlock } from '@/components/StatusBlock';
import { useCenterToday } from '@/hooks/useCenterToday';
import { useElderMode } from '@/hooks/useElderMode';
import { useFetched } from '@/hooks/useFetched';
import { useMyCenter } from '@/hooks/useMyCenter';
import { useNow } from '@/hooks/useNow';
import { useUnreadCount } from '@/hooks/useUnreadCount';
import { groupCentersByKind } from '@/lib/centers';
import { olderSavedAt } from '@/lib/fetched';
import { homeActions } from '@/lib/homeActions';
import { findMyCenter, toMyCenter, townshipChoices, type MyCenter } from '@/lib/myCenter';
import { distanceText, hasCoordinates, nearestCenter } from '@/lib/nearest';
import { urlOf } from '@/lib/routes';
import { shanghaiClock } from '@/lib/shanghaiTime';
import { currentPosition } from '@/platform/location';
import { openPage } from '@/platform/navigation';
import { useShownAgain } from '@/platform/page';
import { lastCenterId, loadSession } from '@/platform/session';
import { canUseWorkbench } from '@/lib/workEntry';
import { fetchCenters } from '@/services/catalogue/fetchCenters';
import './index.css';

const openCenter = (id: string): void => void openPage(urlOf('center', { id: id }));

export default function HomePage(): ReactNode {
  const { elder } = useElderMode();
  const [picked, setMyCenter] = useMyCenter();
  const centers = useFetched(() => fetchCenters(), []);
  const list = centers.state.status === 'ready' ? centers.state.data : null;
  // never picked one: the centre last booked at, if any
  const lastBooked = !picked && list ? list.find((c) => c.id === lastCenterId()) : undefined;
  const myCenter = picked ?? (lastBooked ? toMyCenter(lastBooked) : null);
  const now = useNow();
  const today = useCenterToday(myCenter?.id ?? '', shanghaiClock(now).date);
  const [showAll, setShowAll] = useState(false);
  // staff who log in on the same app reach their workbench from here
  const [role, setRole] = useState(() => loadSession()?.account.role ?? '');
  useShownAgain(() => setRole(loadSession()?.account.role ?? ''));
  // 消息: the unread count, asked again each time home is shown (none when logged out)
  const unread = useUnreadCount();
  const savedAt = olderSavedAt(centers.savedAt, myCenter ? today.savedAt : null);
  const retry = (): void => {
    centers.retry();
    today.retry();
  };

  return (
    <PageRoot className="home">
      <View className="home__top">
        <View className="home__hero">
          <Text className="page-title">便民服务</Text>
          <Text className="page-lead hide-in-elder">出门前先看清要带的材料，约好时间再去。</Text>
        </View>
        <View className="home__settings" hoverClass="home__settings--pressed" ariaRole="link" onClick={() => void openPage(urlOf('settings'))}>
          <Text>设置</Text>
        </View>
      </View>
      <View className="home__elder">
        <ElderSwitch compact />
      </View>
      <View className="home__elder">
        <UnreadEntry unread={unread} onOpen={() => void openPage(urlOf('noticeInbox'))} />
      </View>
      {canUseWorkbench(role) ? (
        <View className="home__elder">
          <BigButton onClick={() => void openPage(urlOf('workToday'))}>工作台（窗口工作人员）</BigButton>
        </View>
      ) : null}

      <OfflineBanner savedAt={savedAt} onRetry={retry} />

      <MyCenterCard
        mine={myCenter}
        centers={list}
        today={today}
        now={now}
        onPick={(c) => setMyCenter(c)}
      />

      <View className="home__actions">
        {homeActions(myCenter?.id).map((action) => (
          <View
            key={action.key}
            className={`home-action home-action--${action.key}`}
            hoverClass="home-action--pressed"
            ariaRole="button"
            onClick={() => void openPage(action.url)}
          >
            <Text className="home-action__label">{action.label}</Text>
            <Text className="home-action__hint">{action.hint}</Text>
          </View>
        ))}
      </View>

      <Text className="group-title">找要办的事</Text>
      <SearchField placeholder="如：低保、医保" onSearch={(q) => void openPage(urlOf('catalogue', { q }))} />

      {centers.state.status === 'loading' ? <LoadingBlock text="正在加载服务中心…" /> : null}
      {centers.state.status === 'error' ? <ErrorBlock message={centers.state.error.message} onRetry={centers.retry} /> : null}
      {list && list.length === 0 ? (
        <EmptyBlock title="暂时没有服务中心信息" hint="请稍后再来看看" actionText="刷新" onAction={centers.retry} />
      ) : null}
      {list && list.length > 0 && elder && !showAll ? (
        <View className="home__show-all">
          <BigButton kind="secondary" onClick={() => setShowAll(true)}>
            看全部{list.length}个服务中心和服务站
          </BigButton>
        </View>
      ) : null}
      {list && (!elder || showAll)
        ? groupCentersByKind(list).map((group) => (
            <View key={group.kind} className="home__group">
              <Text className="group-title">
                {group.title}（{group.centers.length}个）
              </Text>
              {group.centers.map((center) => (
                <CenterCard key={center.id} center={center} onOpen={openCenter} />
              ))}
            </View>
          ))
        : null}

      <DemoFooter />
    </PageRoot>
  );
}

interface MyCenterProps {
  mine: MyCenter | null;
  centers: CenterSummary[] | null;
  today: ReturnType<typeof useCenterToday>;
  now: Date;
  onPick: (center: MyCenter | null) => void;
}

/** The resident's own centre first: today's hours, open now, how busy, a call button. */
function MyCenterCard({ mine, centers, today, now, onPick }: MyCenterProps): ReactNode {
  const [picking, setPicking] = useState(false);
  // a remembered centre that is no longer listed is forgotten quietly
  const listed = centers ? findMyCenter(centers, mine) : null;
  const gone = centers !== null && mine !== null && listed === null;

  if (!mine || gone || picking) {
    return (
      <View className="my-center my-center--pick">
        <Text className="my-center__title">您在哪个乡镇？</Text>
        <Text className="my-center__lead">选一次，以后打开就先看到您的服务中心：今天开不开门、人多不多。</Text>
        {centers ? (
          <TownshipPicker
            centers={centers}
            onPick={(c) => {
              setPicking(false);
              onPick(toMyCenter(c));
            }}
          />
        ) : (
          <Text className="text-muted">正在加载乡镇…</Text>
        )}
        {picking ? (
          <View className="my-center__cancel">
            <BigButton kind="secondary" onClick={() => setPicking(false)}>
              不换了
            </BigButton>
          </View>
        ) : null}
      </View>
    );
  }

  return (
    <View className="my-center">
      <Text className="my-center__kicker">我的服务中心</Text>
      <View className="my-center__name-row" hoverClass="my-center__name-row--pressed" ariaRole="link" onClick={() => openCenter(mine.id)}>
        <Text className="my-center__name">{mine.name}</Text>
        <Text className="my-center__more">详情 ›</Text>
      </View>
      {today.state.status === 'loading' ? <Text className="text-muted">正在看今天开不开门…</Text> : null}
      {today.state.status === 'error' ? (
        <View className="my-center__error">
          <Text className="text-muted">{today.state.error.message}</Text>
          <BigButton kind="secondary" onClick={today.retry}>
            重试
          </BigButton>
        </View>
      ) : null}
      {today.state.status === 'ready' ? <CenterToday center={today.state.data.center} day={today.state.data.day} now={now} /> : null}
      <View className="my-center__change" hoverClass="my-center__change--pressed" ariaRole="button" onClick={() => setPicking(true)}>
        <Text>换一个乡镇</Text>
      </View>
    </View>
  );
}

/** Township names as large choices, in the page (no pop-up picker); nearest first when located. */
function TownshipPicker({ centers, onPick }: { centers: CenterSummary[]; onPick: (center: CenterSummary) => void }): ReactNode {
  const [locating, setLocating] = useState<'' | 'busy' | 'failed'>('');
  const [nearest, setNearest] = useState<{ center: CenterSummary; km: number } | null>(null);
  const choices = townshipChoices(centers);
  // only offered when the centres carry coordinates (the county may not have sent them all)
  const located = hasCoordinates(centers);

  const locate = async (): Promise<void> => {
    setLocating('busy');
    const here = await currentPosition();
    const found = here ? nearestCenter(centers, here) : null;
    setNearest(found);
    setLocating(found ? '' : 'failed');
  };

  return (
    <View className="township-picker">
      {located ? (
        <View className="township-picker__locate">
          <BigButton kind="secondary" disabled={locating === 'busy'} onClick={() => void locate()}>
            {locating === 'busy' ? '正在找…' : '找离我最近的中心'}
          </BigButton>
          {locating === 'failed' ? <Text className="text-muted">没能取得位置，请在下面选您的乡镇。</Text> : null}
          {nearest ? (
            <View className="township-picker__nearest">
              <BigButton onClick={() => onPick(nearest.center)}>
                {nearest.center.name}（{distanceText(nearest.km)}）
              </BigButton>
            </View>
          ) : null}
        </View>
      ) : null}
      <View className="township-picker__choices">
        {choices.map((c) => (
          <View
            key={c.id}
            className="township-picker__choice"
            hoverClass="township-picker__choice--pressed"
            ariaRole="button"
            ariaLabel={c.name}
            onClick={() => onPick(c)}
          >
            <Text>{c.township}</Text>
          </View>
        ))}
      </View>
    </View>
  );
}
