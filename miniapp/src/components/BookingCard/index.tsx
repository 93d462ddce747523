import { Text, View } from '@tarojs/components';
import type { Booking } from '@contract/booking';
import type { ReactNode } from 'react';
import { Badge } from '@/components/Badge';
import { whenText } from '@/lib/bookingTime';
import { isActive, nextStep, statusLabel } from '@/lib/nextStep';
import './index.css';

interface Props {
  booking: Booking;
  onOpen: (id: string) => void;
}

/** One booking in 我的预约: what, when, where, its state and the next step; opens the booking. */
export function BookingCard({ booking, onOpen }: Props): ReactNode {
  const status = statusLabel(booking);
  // booked by a relative, an agent or staff: say for whom
  const forSomeoneElse = booking.bookedVia !== 'self';
  return (
    <View
      className="booking-card"
      hoverClass="booking-card--pressed"
      ariaRole="link"
      ariaLabel={`${booking.itemName}，${status.text}`}
      onClick={() => onOpen(booking.id)}
    >
      <View className="booking-card__head">
        <Text className="booking-card__name">{booking.itemName}</Text>
        <Badge tone={status.tone}>{status.text}</Badge>
      </View>
      <Text className="booking-card__line">{whenText(booking.slotStart, booking.slotEnd)}</Text>
      <Text className="booking-card__line">{booking.centerName}</Text>
      {forSomeoneElse ? <Text className="booking-card__line">为{booking.applicant.name}办理</Text> : null}
      <Text className="booking-card__next">{nextStep(booking)}</Text>
      <Text className="booking-card__more">{isActive(booking) ? '查看详情和预约码 ›' : '查看详情和进度 ›'}</Text>
    </View>
  );
}
