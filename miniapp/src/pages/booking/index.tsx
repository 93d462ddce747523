import { Text, View } from '@tarojs/components';
import type { BookingDetail } from '@contract/booking';
import type { ItemDetail } from '@contract/catalogue';
import type { NotificationSettings } from '@contract/notifications';
import { useState, type ReactNode } from 'react';
import { ActionButton } from '@/components/ActionButton';
import { PageRoot } from '@/components/PageRoot';
import { Badge } from '@/components/Badge';
import { BigButton } from '@/components/BigButton';
import { DemoFooter } from '@/components/DemoFooter';
import { LinkRow } from '@/components/LinkRow';
import { MaterialsToBring, requiredCountNote } from '@/components/MaterialsToBring';
import { QrCode } from '@/components/QrCode';
import { RatingForm } from '@/components/RatingForm';
import { Section } from '@/components/Section';
import { ErrorBlock, LoadingBlock } from '@/components/StatusBlock';
import { SummaryRow } from '@/components/SummaryRow';
import { Timeline } from '@/components/Timeline';
import { useAsync } from '@/hooks/useAsync';
import { useLoginRequired } from '@/hooks/useLoginRequired';
import { useSubmit } from '@/hooks/useSubmit';
import { rescheduleUrl } from '@/lib/bookingLinks';
import { whenText } from '@/lib/bookingTime';
import { canRate, isActive, nextStep, statusLabel } from '@/lib/nextStep';
import { levelLabel, RATING_INDICATORS, ratingThanks } from '@/lib/rating';
import { reminderResultText } from '@/lib/reminders';
import { urlOf } from '@/lib/routes';
import { timelineLines } from '@/lib/timeline';
import { openPage } from '@/platform/navigation';
import { scrollToElement, usePageParams, useShownAgain } from '@/platform/page';
import { ApiError } from '@/platform/request';
import { askForReminders, canAskForReminders } from '@/platform/reminders';
import { cancelBooking } from '@/services/booking/cancelBooking';
import { fetchBooking } from '@/services/booking/fetchBooking';
import { rateBooking } from '@/services/booking/rateBooking';
import { saveReminders } from '@/services/booking/saveReminders';
import { fetchItem } from '@/services/catalogue/fetchItem';
import { fetchNotificationSettings } from '@/services/notifications/fetchNotificationSettings';
import './index.css';

const missingId = new ApiError('NOT_FOUND', '没有找到这个预约');

const DONE_TEXT: Record<string, string> = {
  booked: '预约成功！',
  moved: '时间已改好！',
};
const CANCELLED_TEXT = '已取消预约';

/**
 * One booking (urlOf('booking')): the next step in one sentence; while it is ahead the QR code and
 * code for the window, the materials, reminders and which channel will reach the person, 改时间 and 取消; the progress timeline; and the
 * 好差评 once the matter is completed or refused.
 */
export default function BookingPage(): ReactNode {
  const { id, done } = usePageParams('booking');
  const session = useLoginRequired(urlOf('booking', { id }));
  const { state, retry } = useAsync<BookingDetail>(() => {
    if (!session) return new Promise<BookingDetail>(() => undefined); // leaving for the login page
    return id === '' ? Promise.reject(missingId) : fetchBooking(id);
  }, [id, session]);
  // after a change (cancel, rating) the booking is fetched again quietly, without a loading screen
  const [fresh, setFresh] = useState<BookingDetail | null>(null);
  const [banner, setBanner] = useState(DONE_TEXT[done] ?? '');
  const [thanks, setThanks] = useState<Thanks | null>(null);
  const refresh = (): void => {
    fetchBooking(id).then(setFresh, () => retry());
  };
  // back from 改时间 (or anywhere): show the booking as it is now
  useShownAgain(() => {
    if (state.status === 'ready') refresh();
  });

  return (
    <PageRoot className="booking">
      {state.status === 'loading' ? <LoadingBlock text="正在打开预约…" /> : null}
      {state.status === 'error' ? <ErrorBlock message={state.error.message} onRetry={retry} /> : null}
      {state.status === 'ready' ? (
        <BookingView
          booking={fresh ?? state.data}
          banner={banner}
          thanks={thanks}
          onCancelled={() => {
            setBanner(CANCELLED_TEXT);
            scrollToElement('.booking__done');
            refresh();
          }}
          onRated={(t) => {
            setThanks(t);
            scrollToElement('.booking__thanks');
            refresh();
          }}
        />
      ) : null}
      <DemoFooter />
    </PageRoot>
  );
}

type Thanks = { title: string; text: string };

interface ViewProps {
  booking: BookingDetail;
  /** "预约成功！", "时间已改好！", "已取消预约" */
  banner: string;
  thanks: Thanks | null;
  onCancelled: () => void;
  onRated: (thanks: Thanks) => void;
}

function BookingView({ booking, banner, thanks, onCancelled, onRated }: ViewProps): ReactNode {
  const status = statusLabel(booking);
  const active = isActive(booking);
  // a banner only while it is still true (the page may be reopened from history later)
  const showBanner = active ? banner !== '' && banner !== CANCELLED_TEXT : banner === CANCELLED_TEXT && booking.status === 'cancelled';
  return (
    <View>
      {showBanner ? <Text className={`booking__done${active ? '' : ' booking__done--neutral'}`}>{banner}</Text> : null}
      <View className="booking__head">
        <Badge tone={status.tone}>{status.text}</Badge>
        <Text className="page-title booking__title">{booking.itemName}</Text>
      </View>
      <View className="booking__next" ariaRole="status">
        <Text className="booking__next-label">下一步</Text>
        <Text className="booking__next-text">{nextStep(booking)}</Text>
      </View>

      {active ? (
        <Section title="预约码">
          <QrCode payload={booking.qrPayload} code={booking.code} />
        </Section>
      ) : null}

      <Rating booking={booking} thanks={thanks} onRated={onRated} />

      <Section title="预约信息">
        <SummaryRow label="办什么" value={booking.itemName} />
        <SummaryRow label="去哪里" value={booking.centerName} />
        <SummaryRow label="什么时候" value={whenText(booking.slotStart, booking.slotEnd)} />
        {booking.windowName ? <SummaryRow label="窗口" value={booking.windowName} /> : null}
        <SummaryRow label="为谁办理" value={booking.applicant.name} />
      </Section>

      {active ? <Materials itemId={booking.itemId} /> : null}
      {active ? <Reminders bookingId={booking.id} /> : null}
      {active ? <Changes booking={booking} onCancelled={onCancelled} /> : null}

      <Section title="办理进度">
        <Timeline lines={timelineLines(booking.timeline)} />
      </Section>

      <View className="booking__gap">
        <BigButton kind="secondary" onClick={() => void openPage(urlOf('bookings'))}>
          查看我的全部预约
        </BigButton>
      </View>
    </View>
  );
}

function Materials({ itemId }: { itemId: string }): ReactNode {
  const { state, retry } = useAsync<ItemDetail>(() => fetchItem(itemId).then((fetched) => fetched.data), [itemId]);
  return (
    <Section title="要带的材料" note={state.status === 'ready' ? requiredCountNote(state.data.materials) || undefined : undefined}>
      {state.status === 'loading' ? <LoadingBlock text="正在加载材料清单…" /> : null}
      {state.status === 'error' ? <ErrorBlock message={state.error.message} onRetry={retry} /> : null}
      {state.status === 'ready' ? (
        <MaterialsToBring materials={state.data.materials} onOpenGuide={() => void openPage(urlOf('item', { id: itemId }))} />
      ) : null}
    </Section>
  );
}

/**
 * 提醒: the server names the WeChat templates to ask for (fetched as the booking opens, so WeChat's
 * sheet is asked for first thing in the 提醒我 tap, as WeChat insists) and the sentence saying why;
 * everywhere, which channel will reach the person (on H5, where there is no WeChat sheet, only that).
 */
function Reminders({ bookingId }: { bookingId: string }): ReactNode {
  const { state, retry } = useAsync<NotificationSettings>(() => fetchNotificationSettings(), []);
  // after 提醒我 the settings are read again quietly: the summary may have changed
  const [fresh, setFresh] = useState<NotificationSettings | null>(null);
  const settings = fresh ?? (state.status === 'ready' ? state.data : null);
  const [result, setResult] = useState('');
  const remind = useSubmit(
    async (_: undefined, key: string) => {
      const answer = await askForReminders(settings?.templates); // nothing awaited before WeChat's sheet
      if (answer.asked.length > 0) await saveReminders(bookingId, { templateIds: answer.asked, accepted: answer.accepted }, key);
      return answer;
    },
    (answer) => {
      setResult(reminderResultText(answer.asked.length, answer.accepted.length));
      fetchNotificationSettings().then(setFresh, () => undefined);
    },
  );
  return (
    <View className="booking__reminders">
      <Section title="提醒">
        {state.status === 'loading' ? <Text className="text-muted">正在看怎样通知您…</Text> : null}
        {state.status === 'error' ? <ErrorBlock message={state.error.message} onRetry={retry} /> : null}
        {settings && canAskForReminders(settings.templates) ? (
          <View className="booking__ask">
            <Text className="text-block">{settings.why}</Text>
            {result !== '' ? <Text className="booking__result">{result}</Text> : null}
            <ActionButton pending={remind.pending} pendingText="正在设置…" error={remind.error} onRetry={remind.retry} onClick={() => remind.submit(undefined)}>
              提醒我
            </ActionButton>
          </View>
        ) : null}
        {settings ? (
          <View className="booking__reach" ariaRole="status">
            <Text className="booking__reach-label">会怎样通知您</Text>
            <Text className="text-block">{settings.reach.summary}</Text>
          </View>
        ) : null}
        {settings ? <LinkRow title="通知方式" detail="微信通知、短信、夜间免打扰" onClick={() => void openPage(urlOf('noticePreferences'))} /> : null}
      </Section>
    </View>
  );
}

/** 改时间 and 取消预约 (with a confirm step in plain words). */
function Changes({ booking, onCancelled }: { booking: BookingDetail; onCancelled: () => void }): ReactNode {
  const [confirming, setConfirming] = useState(false);
  const cancel = useSubmit((_: undefined, key: string) => cancelBooking(booking.id, key), onCancelled);
  return (
    <Section title="需要改动？">
      {confirming ? (
        <View className="booking__confirm" ariaRole="alertdialog">
          <Text className="booking__confirm-title">确定要取消这个预约吗？</Text>
          <Text className="text-block">取消后，这个号会让给别人。还要办的话，需要重新预约。</Text>
          {/* the safe choice first, as everywhere in the app */}
          <View className="booking__gap">
            <BigButton disabled={cancel.pending} onClick={() => setConfirming(false)}>
              不取消，返回
            </BigButton>
          </View>
          <ActionButton kind="danger" pending={cancel.pending} pendingText="正在取消…" error={cancel.error} onRetry={cancel.retry} onClick={() => cancel.submit(undefined)}>
            确定取消
          </ActionButton>
        </View>
      ) : (
        <View>
          <BigButton kind="secondary" onClick={() => void openPage(rescheduleUrl(booking))}>
            改时间
          </BigButton>
          <View className="booking__gap">
            <BigButton kind="secondary" onClick={() => setConfirming(true)}>
              取消预约
            </BigButton>
          </View>
        </View>
      )}
    </Section>
  );
}

/** 好差评 once the matter is completed or refused; the rating as given afterwards. */
function Rating({ booking, thanks, onRated }: { booking: BookingDetail; thanks: Thanks | null; onRated: (t: Thanks) => void }): ReactNode {
  const rate = useSubmit(
    (request: Parameters<typeof rateBooking>[1], key: string) => rateBooking(booking.id, request, key),
    (result, request) => onRated(ratingThanks(result, request.level)),
  );

  if (booking.rating || thanks) {
    const rating = booking.rating;
    const ticked = RATING_INDICATORS.filter((i) => rating?.indicators.includes(i.code)).map((i) => i.label);
    return (
      <Section title="您的评价">
        {thanks ? (
          <View className="booking__thanks" ariaRole="status">
            <Text className="booking__thanks-title">{thanks.title}</Text>
            <Text className="text-block">{thanks.text}</Text>
          </View>
        ) : null}
        {rating ? <SummaryRow label="满意程度" value={levelLabel(rating.level)} /> : null}
        {ticked.length > 0 ? <SummaryRow label="选了" value={ticked.join('、')} /> : null}
        {rating?.comment ? <SummaryRow label="您说" value={rating.comment} /> : null}
        {rating?.followUp && !thanks ? <Text className="booking__result">会有专人跟进整改。</Text> : null}
      </Section>
    );
  }
  if (!canRate(booking)) return null;
  return (
    <Section title="评价这次办事">
      <RatingForm pending={rate.pending} error={rate.error} onSubmit={rate.submit} onRetry={rate.retry} />
    </Section>
  );
}
