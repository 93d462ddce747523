import { Text, View } from '@tarojs/components';
import type { StaffBooking } from '@contract/queue';
import { useState, type ReactNode } from 'react';
import { ActionButton } from '@/components/ActionButton';
import { Badge } from '@/components/Badge';
import { BigButton } from '@/components/BigButton';
import { PageRoot } from '@/components/PageRoot';
import { Section } from '@/components/Section';
import { ErrorBlock, LoadingBlock } from '@/components/StatusBlock';
import { SummaryRow } from '@/components/SummaryRow';
import { TickBox } from '@/components/TickBox';
import { Timeline } from '@/components/Timeline';
import { useAsync } from '@/hooks/useAsync';
import { useSubmit } from '@/hooks/useSubmit';
import { urlOf } from '@/lib/routes';
import { timelineLines } from '@/lib/timeline';
import { openPage } from '@/platform/navigation';
import { usePageParams, useShownAgain } from '@/platform/page';
import { NotStaff, ReasonPicker, useStaffSession } from '../../components/WorkParts';
import { BOOKING_CHIPS, CASE_LABELS, DECLINE_REASONS, TICKET_LABELS, clockText, shanghaiDay } from '../../lib/workText';
import { checkIn } from '../../services/checkIn';
import { confirmBooking } from '../../services/confirmBooking';
import { declineBooking } from '../../services/declineBooking';
import { fetchStaffBooking } from '../../services/fetchStaffBooking';
import '../../work.css';

/** One booking at the window: confirm or decline (with a reason), check in, the materials, the case. */
export default function WorkBookingPage(): ReactNode {
  const { id } = usePageParams('workBooking');
  const { session, notStaff } = useStaffSession(urlOf('workBooking', { id }));
  const [fresh, setFresh] = useState<StaffBooking | null>(null);
  const { state, retry } = useAsync<StaffBooking>(() => {
    if (!session) return new Promise<StaffBooking>(() => undefined);
    return fetchStaffBooking(id);
  }, [id, session]);
  const reload = (): void => {
    fetchStaffBooking(id).then(setFresh, retry);
  };
  useShownAgain(reload);

  return (
    <PageRoot className="work work-booking">
      {notStaff ? <NotStaff /> : null}
      {state.status === 'loading' && session ? <LoadingBlock text="正在打开预约…" /> : null}
      {state.status === 'error' ? <ErrorBlock message={state.error.message} onRetry={retry} /> : null}
      {state.status === 'ready' ? <BookingView booking={fresh ?? state.data} onChanged={reload} /> : null}
    </PageRoot>
  );
}

function BookingView({ booking, onChanged }: { booking: StaffBooking; onChanged: () => void }): ReactNode {
  const [declining, setDeclining] = useState(false);
  const [reason, setReason] = useState('');
  const [done, setDone] = useState('');
  const [ticks, setTicks] = useState<string[]>([]);
  const confirm = useSubmit((_: void, key: string) => confirmBooking(booking.id, key), () => {
    setDone('已确认，群众会看到“中心已确认”');
    onChanged();
  });
  const decline = useSubmit((r: string, key: string) => declineBooking(booking.id, r, key), () => {
    setDeclining(false);
    setDone('已拒绝，原因已告诉群众');
    onChanged();
  });
  const arrive = useSubmit((_: void) => checkIn(booking.code), (result) => {
    setDone(`已签到，排队号 ${result.ticket.number}号`);
    onChanged();
  });
  const chip = BOOKING_CHIPS[booking.status];
  const today = booking.slotStart.slice(0, 10) === shanghaiDay(new Date());
  const pending = booking.status === 'booked';
  const open = booking.status === 'booked' || booking.status === 'confirmed';

  return (
    <View>
      {done !== '' ? <Text className="work__ok">{done}</Text> : null}
      <View className="work-card__top">
        <Text className="work__title">{booking.applicant.name}</Text>
        <Badge tone={chip.tone}>{chip.text}</Badge>
      </View>
      <View className="work__gap">
        <SummaryRow label="办什么" value={booking.itemName} />
        <SummaryRow label="时间" value={`${booking.slotStart.slice(5, 10).replace('-', '月')}日 ${clockText(booking.slotStart)}–${clockText(booking.slotEnd)}`} />
        <SummaryRow label="窗口" value={booking.windowName} />
        {booking.ticket ? <SummaryRow label="排队" value={`${booking.ticket.number}号 ${TICKET_LABELS[booking.ticket.status]}`} /> : null}
        {booking.case ? <SummaryRow label="办件" value={CASE_LABELS[booking.case.status]} /> : null}
        {booking.statusReason ? <SummaryRow label="原因" value={booking.statusReason} /> : null}
      </View>

      {pending && !declining ? (
        <View className="work__gap">
          <ActionButton pending={confirm.pending} error={confirm.error} onRetry={confirm.retry} onClick={() => confirm.submit()}>
            确认预约
          </ActionButton>
        </View>
      ) : null}
      {open && today ? (
        <View className="work__gap">
          <ActionButton pending={arrive.pending} error={arrive.error} onRetry={arrive.retry} onClick={() => arrive.submit()}>
            人到了，签到
          </ActionButton>
        </View>
      ) : null}
      {open && !declining ? (
        <View className="work__gap">
          <BigButton kind="secondary" onClick={() => setDeclining(true)}>
            不能接待，拒绝预约
          </BigButton>
        </View>
      ) : null}
      {declining ? (
        <Section title="拒绝的原因（群众会看到）">
          <ReasonPicker choices={DECLINE_REASONS} value={reason} onChange={setReason} placeholder="其他原因，请写清楚" />
          <View className="work__gap">
            <ActionButton
              kind="danger"
              pending={decline.pending}
              error={decline.error}
              onRetry={decline.retry}
              onClick={() => (reason.trim() === '' ? undefined : decline.submit(reason.trim()))}
            >
              {reason.trim() === '' ? '请先选或写原因' : '确定拒绝'}
            </ActionButton>
          </View>
          <View className="work__gap">
            <BigButton kind="secondary" onClick={() => setDeclining(false)}>
              不拒绝了
            </BigButton>
          </View>
        </Section>
      ) : null}
      {booking.status === 'checked_in' || booking.case ? (
        <View className="work__gap">
          <BigButton onClick={() => void openPage(urlOf('workCase', booking.case ? { id: booking.case.id } : { booking: booking.id }))}>
            {booking.case ? '打开办件' : '受理'}
          </BigButton>
        </View>
      ) : null}

      <Section title="材料清单" note="对照群众带来的材料，点一下打勾">
        {booking.materials.map((m) => (
          <TickBox
            key={m.name}
            label={`${m.name}${m.requirement === 'conditional' ? '（视情况）' : ''}`}
            checked={ticks.includes(m.name)}
            onToggle={() => setTicks((t) => (t.includes(m.name) ? t.filter((x) => x !== m.name) : [...t, m.name]))}
          />
        ))}
        {booking.materials.length === 0 ? <Text className="work__hint">这个事项没有列出材料。</Text> : null}
      </Section>
      <Section title="进度（群众看到的）">
        <Timeline lines={timelineLines(booking.timeline)} />
      </Section>
    </View>
  );
}
