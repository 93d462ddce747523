import { Text, View } from '@tarojs/components';
import type { StaffDay, StaffDayBooking } from '@contract/queue';
import { useState, type ReactNode } from 'react';
import { Badge } from '@/components/Badge';
import { BigButton } from '@/components/BigButton';
import { PageRoot } from '@/components/PageRoot';
import { UnreadEntry } from '@/components/UnreadEntry';
import { ErrorBlock, LoadingBlock } from '@/components/StatusBlock';
import { useAsync } from '@/hooks/useAsync';
import { useUnreadCount } from '@/hooks/useUnreadCount';
import { urlOf } from '@/lib/routes';
import { openPage } from '@/platform/navigation';
import { useShownAgain } from '@/platform/page';
import { NotStaff, Tabs, useStaffSession } from '../../components/WorkParts';
import { BOOKING_CHIPS, CASE_LABELS, TICKET_LABELS, dayGroups, shanghaiDay } from '../../lib/workText';
import { fetchStaffDay } from '../../services/fetchStaffDay';
import '../../work.css';

type Day = 'today' | 'tomorrow';

/** 工作台: today's or tomorrow's bookings of my centre — pending confirmations first, then by slot. */
export default function TodayPage(): ReactNode {
  const { session, notStaff } = useStaffSession(urlOf('workToday'));
  const [day, setDay] = useState<Day>('today');
  const { state, retry } = useAsync<StaffDay>(() => {
    if (!session) return new Promise<StaffDay>(() => undefined);
    return fetchStaffDay(shanghaiDay(new Date(), day === 'today' ? 0 : 1));
  }, [day, session]);
  useShownAgain(retry);
  const unread = useUnreadCount();

  return (
    <PageRoot className="work work-today">
      {notStaff ? <NotStaff /> : null}
      {session ? (
        <View>
          <Text className="work__title">{session.account.displayName}，您好</Text>
          {/* 消息: 新预约待确认 and the like, counted again each time the workbench is shown */}
          <View className="work__gap">
            <UnreadEntry unread={unread} onOpen={() => void openPage(urlOf('noticeInbox'))} />
          </View>
          <View className="work__gap work__row">
            <View className="work__half">
              <BigButton onClick={() => void openPage(urlOf('workCheckin'))}>签到</BigButton>
            </View>
            <View className="work__half">
              <BigButton onClick={() => void openPage(urlOf('workQueue'))}>叫号</BigButton>
            </View>
          </View>
          <View className="work__gap">
            <Tabs<Day>
              tabs={[
                { value: 'today', label: '今天' },
                { value: 'tomorrow', label: '明天' },
              ]}
              value={day}
              onChange={setDay}
            />
          </View>
          {state.status === 'loading' ? <LoadingBlock text="正在打开预约名单…" /> : null}
          {state.status === 'error' ? <ErrorBlock message={state.error.message} onRetry={retry} /> : null}
          {state.status === 'ready' ? <DayList day={state.data} /> : null}
        </View>
      ) : null}
    </PageRoot>
  );
}

function DayList({ day }: { day: StaffDay }): ReactNode {
  const { pending, slots } = dayGroups(day.bookings);
  const count = (itemId: string) => day.materials[itemId]?.length ?? 0;
  return (
    <View>
      <Text className="work__hint">
        {day.centerName} · 共{day.counts.active + day.counts.completed + day.counts.noShow}个预约，待确认{day.counts.pending}个，已签到{day.counts.checkedIn}个，已办结{day.counts.completed}个
        {day.counts.cancelled > 0 ? `，已取消${day.counts.cancelled}个` : ''}
      </Text>
      {pending.length > 0 ? (
        <View>
          <Text className="work-group">待确认（{pending.length}）</Text>
          {pending.map((b) => (
            <BookingRow key={b.id} booking={b} materials={count(b.itemId)} />
          ))}
        </View>
      ) : null}
      {slots.map((g) => (
        <View key={g.title}>
          <Text className="work-group">{g.title}</Text>
          {g.bookings.map((b) => (
            <BookingRow key={b.id} booking={b} materials={count(b.itemId)} />
          ))}
        </View>
      ))}
      {day.bookings.length === 0 ? <Text className="work-card__line">这一天还没有预约。</Text> : null}
    </View>
  );
}

function BookingRow({ booking, materials }: { booking: StaffDayBooking; materials: number }): ReactNode {
  const chip = BOOKING_CHIPS[booking.status];
  return (
    <View className="work-card" hoverClass="big-button--pressed" ariaRole="button" onClick={() => void openPage(urlOf('workBooking', { id: booking.id }))}>
      <View className="work-card__top">
        <Text className="work-card__name">{booking.applicantName}</Text>
        <Badge tone={chip.tone}>{chip.text}</Badge>
      </View>
      <Text className="work-card__line">{booking.itemName}</Text>
      <Text className="work-card__line">
        {booking.windowName} · 材料{materials}项
        {booking.ticket ? ` · ${booking.ticket.number}号 ${TICKET_LABELS[booking.ticket.status]}` : ''}
        {booking.case ? ` · ${CASE_LABELS[booking.case.status]}` : ''}
      </Text>
    </View>
  );
}
