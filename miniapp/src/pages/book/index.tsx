import { Text, View } from '@tarojs/components';
import type { Availability, Booking, BookingDetail } from '@contract/booking';
import type { ItemDetail } from '@contract/catalogue';
import { useState, type ReactNode } from 'react';
import { ActionButton } from '@/components/ActionButton';
import { PageRoot } from '@/components/PageRoot';
import { BigButton } from '@/components/BigButton';
import { ChoiceTile } from '@/components/ChoiceTile';
import { DemoFooter } from '@/components/DemoFooter';
import { MaterialsToBring, requiredCountNote } from '@/components/MaterialsToBring';
import { Section } from '@/components/Section';
import { StepHeader } from '@/components/StepHeader';
import { ErrorBlock, LoadingBlock } from '@/components/StatusBlock';
import { SearchField } from '@/components/SearchField';
import { SummaryRow } from '@/components/SummaryRow';
import { useAsync } from '@/hooks/useAsync';
import { useLoginRequired } from '@/hooks/useLoginRequired';
import { useSubmit } from '@/hooks/useSubmit';
import { applicantChoices, centersLastUsedFirst, preselectedCenter } from '@/lib/bookingChoices';
import { EMPTY_CHOICE, canStepBack, currentStep, stepBack, stepHeading, type BookingChoice } from '@/lib/bookingFlow';
import { bookingDoneUrl, bookUrl } from '@/lib/bookingLinks';
import { dateWithWeekday, shanghaiToday, whenText } from '@/lib/bookingTime';
import { bookingRange, dayChoices, findSlot, slotGroups } from '@/lib/dayChoices';
import { urlOf } from '@/lib/routes';
import { openPage, replacePage } from '@/platform/navigation';
import { usePageParams } from '@/platform/page';
import { lastCenterId, rememberLastCenter } from '@/platform/session';
import { fetchMe } from '@/services/auth/fetchMe';
import { createBooking } from '@/services/booking/createBooking';
import { fetchAvailability } from '@/services/booking/fetchAvailability';
import { fetchBooking } from '@/services/booking/fetchBooking';
import { rescheduleBooking } from '@/services/booking/rescheduleBooking';
import { fetchItem } from '@/services/catalogue/fetchItem';
import './index.css';

/** What the page works on: the item, and in "改时间" mode the booking being moved. */
interface Subject {
  item: ItemDetail;
  moving: BookingDetail | null;
}

/**
 * 预约 (urlOf('book')): one question per screen — where (only centres offering the item; the
 * last-used one preselected), which day (14 days, closed ones greyed with the reason), what time
 * (seats left), then a summary with the materials to bring. With `reschedule=<id>` it moves that
 * booking instead (same centre; the old time stays if the new one fails).
 */
export default function BookPage(): ReactNode {
  const { item: itemId, center: centerParam, reschedule: rescheduleId } = usePageParams('book');
  const session = useLoginRequired(bookUrl(itemId, centerParam, rescheduleId));

  const { state, retry } = useAsync<Subject | null>(async () => {
    if (!session) return new Promise<null>(() => undefined); // leaving for the login page
    if (itemId === '') return null; // opened from the home screen: first find the matter
    const [item, moving] = await Promise.all([fetchItem(itemId), rescheduleId ? fetchBooking(rescheduleId) : Promise.resolve(null)]);
    // a copy saved on the phone is good enough for the centres and materials: seats are always fresh
    return { item: item.data, moving };
  }, [itemId, rescheduleId, session]);

  return (
    <PageRoot className="book">
      {state.status === 'loading' ? <LoadingBlock /> : null}
      {state.status === 'error' ? <ErrorBlock message={state.error.message} onRetry={retry} /> : null}
      {state.status === 'ready' && state.data ? <BookingSteps subject={state.data} centerParam={centerParam} /> : null}
      {state.status === 'ready' && !state.data ? <ChooseItemFirst centerId={centerParam} /> : null}
      <DemoFooter />
    </PageRoot>
  );
}

function BookingSteps({ subject, centerParam }: { subject: Subject; centerParam: string }): ReactNode {
  const { item, moving } = subject;
  const centerFixed = moving !== null;
  const [today] = useState(() => shanghaiToday(new Date()));
  const [choice, setChoice] = useState<BookingChoice>(() => ({
    ...EMPTY_CHOICE,
    centerId: moving ? moving.centerId : preselectedCenter(item.centers, centerParam || lastCenterId()),
  }));
  // bumped to reload the seats after a booking was refused (someone else took the last one)
  const [reload, setReload] = useState(0);
  const step = currentStep(choice);
  const heading = stepHeading(step, centerFixed);
  const center = item.centers.find((c) => c.id === choice.centerId);
  const centerName = center?.name ?? moving?.centerName ?? '';

  const availability = useAsync<Availability | null>(
    () => (choice.centerId === '' ? Promise.resolve(null) : fetchAvailability({ centerId: choice.centerId, itemId: item.id, ...bookingRange(today) })),
    [choice.centerId, item.id, today, reload],
  );
  const days = availability.state.status === 'ready' && availability.state.data ? availability.state.data.days : [];
  const day = days.find((d) => d.date === choice.date);
  const slot = findSlot(day, choice.slotStart);

  const back = (): void => setChoice((c) => stepBack(c, centerFixed));
  const changeTime = (): void => {
    setChoice((c) => ({ ...c, date: '', slotStart: '' }));
    setReload((n) => n + 1);
  };

  return (
    <View>
      <Text className="book__item">{moving ? `改时间：${item.name}` : `预约：${item.name}`}</Text>
      <StepHeader progress={heading.progress} title={heading.title} />

      {step !== 'center' && step !== 'confirm' ? (
        <View className="book__chosen">
          <SummaryRow
            label="去哪里"
            value={centerName}
            actionText={centerFixed ? undefined : '换一个'}
            onAction={centerFixed ? undefined : () => setChoice(EMPTY_CHOICE)}
          />
          {step === 'slot' && day ? (
            <SummaryRow label="哪一天" value={dateWithWeekday(day.date, today)} actionText="换一天" onAction={back} />
          ) : null}
          {moving ? <SummaryRow label="原来的时间" value={whenText(moving.slotStart, moving.slotEnd)} /> : null}
        </View>
      ) : null}

      {step === 'center' ? (
        <CenterStep item={item} onChoose={(centerId) => setChoice({ ...EMPTY_CHOICE, centerId })} />
      ) : null}

      {step === 'day' || step === 'slot' ? (
        <View className="book__choices">
          {availability.state.status === 'loading' ? <LoadingBlock text="正在查哪天有号…" /> : null}
          {availability.state.status === 'error' ? (
            <ErrorBlock message={availability.state.error.message} onRetry={availability.retry} />
          ) : null}
          {availability.state.status === 'ready' && availability.state.data ? (
            step === 'day' ? (
              <DayStep
                availability={availability.state.data}
                today={today}
                onChoose={(date) => setChoice((c) => ({ ...c, date, slotStart: '' }))}
              />
            ) : (
              <SlotStep day={day} onChoose={(slotStart) => setChoice((c) => ({ ...c, slotStart }))} />
            )
          ) : null}
        </View>
      ) : null}

      {step === 'confirm' && day ? (
        <ConfirmStep
          item={item}
          centerId={choice.centerId}
          centerName={centerName}
          slotStart={slot?.start ?? choice.slotStart}
          slotEnd={slot?.end ?? choice.slotStart}
          moving={moving}
          onChangeTime={back}
          onRefused={changeTime}
        />
      ) : null}

      {canStepBack(choice, centerFixed) ? (
        <View className="book__back">
          <BigButton kind="secondary" onClick={back}>
            上一步
          </BigButton>
        </View>
      ) : null}
    </View>
  );
}

/** Opened without an item (the home screen's 预约办事): find the matter first, then its guide's 预约. */
function ChooseItemFirst({ centerId }: { centerId: string }): ReactNode {
  return (
    <View>
      <StepHeader progress="先找到要办的事" title="您要办什么事？" />
      <Text className="book__hint">说个常用的词就行，比如“低保”“医保”“户口”。找到后，在办事指南里点“去预约”。</Text>
      <SearchField placeholder="如：低保、医保" onSearch={(q) => void openPage(urlOf('catalogue', { q, center: centerId }))} />
      <View className="book__back">
        <BigButton kind="secondary" onClick={() => void openPage(urlOf('catalogue', { center: centerId }))}>
          {centerId ? '看这个中心能办的全部事' : '看全部办事事项'}
        </BigButton>
      </View>
      <View className="book__back">
        <BigButton kind="secondary" onClick={() => void openPage(urlOf('bookings'))}>
          我已经约过了，看我的预约
        </BigButton>
      </View>
    </View>
  );
}

function CenterStep({ item, onChoose }: { item: ItemDetail; onChoose: (centerId: string) => void }): ReactNode {
  const [lastUsed] = useState(() => lastCenterId());
  if (item.centers.length === 0) {
    return <Text className="text-block">这件事暂时不能在手机上预约，请打电话问一问当地便民服务中心。</Text>;
  }
  return (
    <View className="book__choices">
      <Text className="book__hint">只列出能办这件事的地方</Text>
      {centersLastUsedFirst(item.centers, lastUsed).map((center) => (
        <ChoiceTile
          key={center.id}
          title={center.name}
          note={center.id === lastUsed ? '上次去过' : undefined}
          onClick={() => onChoose(center.id)}
        />
      ))}
    </View>
  );
}

function DayStep({ availability, today, onChoose }: { availability: Availability; today: string; onChoose: (date: string) => void }): ReactNode {
  const choices = dayChoices(availability, today);
  const anyOpen = choices.some((c) => c.open);
  return (
    <View>
      {!availability.scheduleKnown ? (
        <Text className="book__notice">明年的放假安排还没公布，节假日前后的日子可能会调整。</Text>
      ) : null}
      {!anyOpen ? <Text className="book__notice">这两周都约不上了。可以过几天再来看，或者打电话问中心。</Text> : null}
      {choices.map((c) => (
        <ChoiceTile
          key={c.date}
          size="row"
          title={`${c.dateText} ${c.dayText}`}
          note={c.note}
          disabled={!c.open}
          onClick={() => onChoose(c.date)}
        />
      ))}
    </View>
  );
}

function SlotStep({ day, onChoose }: { day: Availability['days'][number] | undefined; onChoose: (start: string) => void }): ReactNode {
  const groups = slotGroups(day);
  if (groups.length === 0) return <Text className="book__notice">这一天没有号了，请换一天。</Text>;
  return (
    <View>
      {groups.map((group) => (
        <View key={group.title} className="choice-grid book__slot-group">
          {group.slots.map((s) => (
            <ChoiceTile key={s.start} size="half" title={s.label} note={s.seatsText} disabled={s.full} onClick={() => onChoose(s.start)} />
          ))}
        </View>
      ))}
    </View>
  );
}

interface ConfirmProps {
  item: ItemDetail;
  centerId: string;
  centerName: string;
  slotStart: string;
  slotEnd: string;
  moving: BookingDetail | null;
  onChangeTime: () => void;
  /** the server refused the time (full, closed): choose again with fresh seats */
  onRefused: () => void;
}

/** Codes after which the same time cannot work: offer another time as well as 重试. */
const TIME_REFUSED = new Set(['SLOT_FULL', 'SLOT_NOT_AVAILABLE', 'SLOT_RECENTLY_RELEASED']);

function ConfirmStep({ item, centerId, centerName, slotStart, slotEnd, moving, onChangeTime, onRefused }: ConfirmProps): ReactNode {
  const me = useAsync(() => (moving ? Promise.resolve(null) : fetchMe()), [moving]);
  const people = me.state.status === 'ready' && me.state.data ? applicantChoices(me.state.data.people) : [];
  const [applicantId, setApplicantId] = useState('');
  const chosenApplicant = applicantId || people[0]?.id || '';

  const book = useSubmit(
    (args: { slotStart: string; applicantId: string }, key: string): Promise<Booking> =>
      moving
        ? rescheduleBooking(moving.id, args.slotStart, key)
        : createBooking(
            { centerId, itemId: item.id, slotStart: args.slotStart, applicantId: args.applicantId || undefined },
            key,
          ),
    (booking) => {
      rememberLastCenter(booking.centerId);
      void replacePage(bookingDoneUrl(booking.id, moving ? 'moved' : 'booked'));
    },
  );
  const refused = book.error !== null && TIME_REFUSED.has(book.error.code);

  return (
    <View>
      <Section title="请核对">
        <SummaryRow label="办什么" value={item.name} />
        <SummaryRow label="去哪里" value={centerName} />
        <SummaryRow label="什么时候" value={whenText(slotStart, slotEnd)} actionText="改" onAction={onChangeTime} />
        {moving ? <SummaryRow label="原来的时间" value={whenText(moving.slotStart, moving.slotEnd)} /> : null}
        {moving ? <SummaryRow label="为谁办理" value={moving.applicant.name} /> : null}
        {!moving && people.length === 1 ? <SummaryRow label="为谁办理" value={people[0]?.label ?? ''} /> : null}
      </Section>

      {!moving && people.length > 1 ? (
        <Section title="为谁办理">
          {people.map((p) => (
            <ChoiceTile key={p.id} title={p.label} selected={p.id === chosenApplicant} onClick={() => setApplicantId(p.id)} />
          ))}
        </Section>
      ) : null}
      {!moving && me.state.status === 'error' ? (
        <ErrorBlock message={me.state.error.message} onRetry={me.retry} />
      ) : null}

      <Section title="要带的材料" note={requiredCountNote(item.materials) || undefined}>
        <MaterialsToBring materials={item.materials} onOpenGuide={() => void openPage(urlOf('item', { id: item.id }))} />
      </Section>

      {moving && book.error ? <Text className="book__notice">原来的预约还在，没有变。</Text> : null}
      <ActionButton
        pending={book.pending}
        error={book.error}
        onRetry={book.retry}
        onClick={() => book.submit({ slotStart, applicantId: chosenApplicant })}
      >
        {moving ? '确认改到这个时间' : '确认预约'}
      </ActionButton>
      {refused ? (
        <View className="book__back">
          <BigButton kind="secondary" onClick={onRefused}>
            换个时间
          </BigButton>
        </View>
      ) : null}
      {book.error?.code === 'ALREADY_BOOKED' ? (
        <View className="book__back">
          <BigButton kind="secondary" onClick={() => void openPage(urlOf('bookings'))}>
            看我的预约
          </BigButton>
        </View>
      ) : null}
    </View>
  );
}
