import { Text, View } from '@tarojs/components';
import type { AvailabilityDay } from '@contract/booking';
import type { CenterDetail } from '@contract/catalogue';
import type { ReactNode } from 'react';
import { BigButton } from '@/components/BigButton';
import { busynessToday } from '@/lib/busyness';
import { shanghaiClock } from '@/lib/shanghaiTime';
import { todayHours } from '@/lib/todayHours';
import { callPhone } from '@/platform/phone';
import './index.css';

interface Props {
  center: CenterDetail;
  /** today's availability at this centre (how busy; holidays), null when unknown */
  day: AvailabilityDay | null;
  now: Date;
}

/** Today at one centre: open now or not, today's hours, how busy, and a big tap-to-call button. */
export function CenterToday({ center, day, now }: Props): ReactNode {
  const clock = shanghaiClock(now);
  const todayDay = day && day.date === clock.date ? day : null;
  const hours = todayHours(center.openingHours, clock, todayDay);
  const busy = busynessToday(todayDay, clock.date);
  return (
    <View className="center-today">
      <View className={`center-today__status center-today__status--${hours.state}`}>
        <Text className="center-today__badge">{hours.badge}</Text>
        <Text className="center-today__status-text">{hours.statusText}</Text>
      </View>
      {hours.sessions.length > 0 ? (
        <View className="center-today__hours">
          <Text className="center-today__label">今天开放</Text>
          {hours.sessions.map((session) => (
            <Text key={session} className="center-today__session">
              {session}
            </Text>
          ))}
        </View>
      ) : null}
      {busy.text ? (
        <Text className={`center-today__busy center-today__busy--${busy.level}`}>{busy.text}</Text>
      ) : null}
      {center.phone ? (
        <View className="center-today__call">
          <BigButton onClick={() => void callPhone(center.phone)}>打电话 {center.phone}</BigButton>
        </View>
      ) : null}
    </View>
  );
}
