import { Text, View } from '@tarojs/components';
import type { NotificationItem } from '@contract/notifications';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { ActionButton } from '@/components/ActionButton';
import { Badge } from '@/components/Badge';
import { BigButton } from '@/components/BigButton';
import { DemoFooter } from '@/components/DemoFooter';
import { LinkRow } from '@/components/LinkRow';
import { PageRoot } from '@/components/PageRoot';
import { EmptyBlock, ErrorBlock, LoadingBlock } from '@/components/StatusBlock';
import { useLoginRequired } from '@/hooks/useLoginRequired';
import { useSubmit } from '@/hooks/useSubmit';
import { appendOlder, inboxDays, markedRead, messageTimeText, openableLink } from '@/lib/notifications';
import { urlOf } from '@/lib/routes';
import { openPage } from '@/platform/navigation';
import { useReachedBottom, useShownAgain } from '@/platform/page';
import { toApiError, type ApiError } from '@/platform/request';
import { fetchNotifications } from '@/services/notifications/fetchNotifications';
import { markAllRead } from '@/services/notifications/markAllRead';
import { markRead } from '@/services/notifications/markRead';
import './index.css';

interface Inbox {
  rows: NotificationItem[];
  unread: number;
  /** the cursor of the older page; null at the end */
  next: string | null;
  status: 'loading' | 'ready' | 'more' | 'error';
  error: ApiError | null;
}

const START: Inbox = { rows: [], unread: 0, next: null, status: 'loading', error: null };

/**
 * 消息 (urlOf('noticeInbox')): what happened to the person's bookings and matters, newest first,
 * under 今天 / 昨天 / the date. Unread ones carry a 未读 tag and a bold title; a tap marks one
 * read and opens its page; 全部已读; older ones at the bottom of the page or with 更多.
 */
export default function InboxPage(): ReactNode {
  const session = useLoginRequired(urlOf('noticeInbox'));
  const [inbox, setInbox] = useState<Inbox>(START);
  const [now, setNow] = useState(() => new Date());
  const [markError, setMarkError] = useState<ApiError | null>(null);
  // answers for an earlier first page (a reload) are dropped
  const generation = useRef(0);
  const busy = useRef(false);
  // the scroll-to-bottom handler reads the list as it is now
  const inboxRef = useRef(inbox);
  inboxRef.current = inbox;

  const loadFirst = (): void => {
    if (!session) return;
    const mine = ++generation.current;
    busy.current = true;
    setNow(new Date());
    fetchNotifications().then(
      (page) => {
        if (generation.current !== mine) return;
        busy.current = false;
        setInbox({ rows: page.items, unread: page.unread, next: page.next, status: 'ready', error: null });
      },
      (e: unknown) => {
        if (generation.current !== mine) return;
        busy.current = false;
        setInbox((old) => ({ ...old, status: 'error', error: toApiError(e) }));
      },
    );
  };

  const loadOlder = (): void => {
    const { next, status } = inboxRef.current;
    if (busy.current || next === null || status === 'loading') return;
    const mine = generation.current;
    busy.current = true;
    setInbox((old) => ({ ...old, status: 'more', error: null }));
    fetchNotifications(next).then(
      (page) => {
        if (generation.current !== mine) return;
        busy.current = false;
        setInbox((old) => ({ rows: appendOlder(old.rows, page.items), unread: page.unread, next: page.next, status: 'ready', error: null }));
      },
      (e: unknown) => {
        if (generation.current !== mine) return;
        busy.current = false;
        setInbox((old) => ({ ...old, status: 'error', error: toApiError(e) }));
      },
    );
  };

  useEffect(loadFirst, [session]);
  // back from the page a message opened: the list as it is now
  useShownAgain(loadFirst);
  useReachedBottom(loadOlder);

  const open = (item: NotificationItem): void => {
    setMarkError(null);
    if (!item.read) {
      setInbox((old) => ({ ...old, rows: markedRead(old.rows, item.id), unread: Math.max(0, old.unread - 1) }));
      markRead(item.id).then(
        (count) => setInbox((old) => ({ ...old, unread: count.unread })),
        (e: unknown) => {
          // shown unread again, with the plain reason
          setInbox((old) => ({ ...old, rows: old.rows.map((r) => (r.id === item.id ? { ...r, read: false } : r)), unread: old.unread + 1 }));
          setMarkError(toApiError(e));
        },
      );
    }
    const link = openableLink(item.link);
    if (link) void openPage(link);
  };

  const allRead = useSubmit(
    () => markAllRead(),
    (count) => setInbox((old) => ({ ...old, rows: markedRead(old.rows), unread: count.unread })),
  );

  const firstLoad = inbox.rows.length === 0;
  return (
    <PageRoot className="inbox">
      <Text className="page-title">消息</Text>
      {inbox.status !== 'loading' || !firstLoad ? (
        <Text className="page-lead inbox__lead">{inbox.unread > 0 ? `有${inbox.unread}条没看过` : '都看过了'}</Text>
      ) : null}

      {inbox.unread > 0 ? (
        <View className="inbox__all">
          <ActionButton kind="secondary" pending={allRead.pending} pendingText="正在标记…" error={allRead.error} onRetry={allRead.retry} onClick={() => allRead.submit(undefined)}>
            全部标为已读
          </ActionButton>
        </View>
      ) : null}
      {markError ? (
        <View ariaRole="alert">
          <Text className="inbox__error">没能标为已读：{markError.message}</Text>
        </View>
      ) : null}

      {firstLoad && inbox.status === 'loading' ? <LoadingBlock text="正在打开消息…" /> : null}
      {firstLoad && inbox.status === 'error' ? <ErrorBlock message={inbox.error?.message ?? ''} onRetry={loadFirst} /> : null}
      {firstLoad && inbox.status === 'ready' ? (
        <EmptyBlock title="还没有消息" hint="预约成功、中心确认、办理有进展时，都会在这里告诉您。" />
      ) : null}

      {inboxDays(inbox.rows, now).map((day) => (
        <View key={day.title}>
          <Text className="group-title">{day.title}</Text>
          {day.items.map((item) => (
            <Message key={item.id} item={item} now={now} onOpen={open} />
          ))}
        </View>
      ))}

      {!firstLoad ? <Older inbox={inbox} onMore={loadOlder} /> : null}

      <View className="inbox__settings">
        <LinkRow title="通知方式" detail="微信通知、短信、夜间免打扰" onClick={() => void openPage(urlOf('noticePreferences'))} />
      </View>
      <DemoFooter />
    </PageRoot>
  );
}

function Message({ item, now, onOpen }: { item: NotificationItem; now: Date; onOpen: (item: NotificationItem) => void }): ReactNode {
  const link = openableLink(item.link);
  return (
    <View
      className={`notice-item${item.read ? ' notice-item--read' : ' notice-item--unread'}`}
      hoverClass="notice-item--pressed"
      ariaRole="button"
      ariaLabel={`${item.read ? '' : '未读，'}${item.title}`}
      onClick={() => onOpen(item)}
    >
      <View className="notice-item__top">
        {item.read ? <Text className="notice-item__state">已读</Text> : <Badge tone="danger">未读</Badge>}
        <Text className="notice-item__time">{messageTimeText(item.at, now)}</Text>
      </View>
      <Text className="notice-item__title">{item.title}</Text>
      <Text className="notice-item__body">{item.body}</Text>
      {link ? <Text className="notice-item__open">查看详情 ›</Text> : null}
    </View>
  );
}

/** The foot of the list: 更多 (also on reaching the bottom), loading, the error with 重试, or the end. */
function Older({ inbox, onMore }: { inbox: Inbox; onMore: () => void }): ReactNode {
  if (inbox.status === 'more') return <Text className="inbox__foot">正在加载更早的消息…</Text>;
  if (inbox.status === 'error') {
    return (
      <View className="inbox__more">
        <Text className="inbox__error">{inbox.error?.message ?? ''}</Text>
        <BigButton onClick={onMore}>重试</BigButton>
      </View>
    );
  }
  if (inbox.next === null) return <Text className="inbox__foot">没有更早的消息了</Text>;
  return (
    <View className="inbox__more">
      <BigButton kind="secondary" onClick={onMore}>
        更多（看更早的消息）
      </BigButton>
    </View>
  );
}
