import { Text, View } from '@tarojs/components';
import type { Booking } from '@contract/booking';
import { useState, type ReactNode } from 'react';
import { BookingCard } from '@/components/BookingCard';
import { PageRoot } from '@/components/PageRoot';
import { DemoFooter } from '@/components/DemoFooter';
import { EmptyBlock, ErrorBlock, LoadingBlock } from '@/components/StatusBlock';
import { useAsync } from '@/hooks/useAsync';
import { useLoginRequired } from '@/hooks/useLoginRequired';
import { groupBookings } from '@/lib/bookingGroups';
import { urlOf } from '@/lib/routes';
import { openPage } from '@/platform/navigation';
import { useShownAgain } from '@/platform/page';
import { fetchBookings } from '@/services/booking/fetchBookings';
import './index.css';

const openBooking = (id: string): void => void openPage(urlOf('booking', { id: id }));

/** 我的预约 (urlOf('bookings')): still to go first, then the past ones; each with its next step. */
export default function BookingsPage(): ReactNode {
  const session = useLoginRequired(urlOf('bookings'));
  const { state, retry } = useAsync<Booking[]>(
    () => (session ? fetchBookings() : new Promise<Booking[]>(() => undefined)),
    [session],
  );
  const [now] = useState(() => new Date());
  // back from a booking that was cancelled or moved: show the list as it is now
  useShownAgain(retry);

  return (
    <PageRoot className="bookings">
      <View className="bookings__head">
        <Text className="page-title">我的预约</Text>
        {session ? <Text className="page-lead">{session.account.displayName}，您好</Text> : null}
      </View>
      {state.status === 'loading' ? <LoadingBlock text="正在加载您的预约…" /> : null}
      {state.status === 'error' ? <ErrorBlock message={state.error.message} onRetry={retry} /> : null}
      {state.status === 'ready' && state.data.length === 0 ? (
        <EmptyBlock
          title="还没有预约"
          hint="先找到要办的事，在办事指南里点“预约”。"
          actionText="去找要办的事"
          onAction={() => void openPage(urlOf('catalogue'))}
        />
      ) : null}
      {state.status === 'ready' ? <Groups bookings={state.data} now={now} /> : null}
      <DemoFooter />
    </PageRoot>
  );
}

function Groups({ bookings, now }: { bookings: Booking[]; now: Date }): ReactNode {
  const { upcoming, past } = groupBookings(bookings, now);
  return (
    <View>
      {upcoming.length > 0 ? (
        <View>
          <Text className="group-title">还没去的（{upcoming.length}个）</Text>
          {upcoming.map((b) => (
            <BookingCard key={b.id} booking={b} onOpen={openBooking} />
          ))}
        </View>
      ) : null}
      {past.length > 0 ? (
        <View>
          <Text className="group-title">办过的和取消的（{past.length}个）</Text>
          {past.map((b) => (
            <BookingCard key={b.id} booking={b} onOpen={openBooking} />
          ))}
        </View>
      ) : null}
    </View>
  );
}
