import { Text, View } from '@tarojs/components';
import type { QueueBoard, QueueTicket, TicketAction } from '@contract/queue';
import { useState, type ReactNode } from 'react';
import { ActionButton } from '@/components/ActionButton';
import { BigButton } from '@/components/BigButton';
import { Chip } from '@/components/Chip';
import { PageRoot } from '@/components/PageRoot';
import { Section } from '@/components/Section';
import { ErrorBlock, LoadingBlock } from '@/components/StatusBlock';
import { useAsync } from '@/hooks/useAsync';
import { useSubmit } from '@/hooks/useSubmit';
import { urlOf } from '@/lib/routes';
import { openPage } from '@/platform/navigation';
import { useShownAgain } from '@/platform/page';
import { readStored, writeStored } from '@/platform/storage';
import { NotStaff, UndoBanner, useStaffSession } from '../../components/WorkParts';
import { TICKET_LABELS, clockText, queueButtons, ticketTitle, undoText } from '../../lib/workText';
import { callNext } from '../../services/callNext';
import { fetchQueue } from '../../services/fetchQueue';
import { issueTicket } from '../../services/issueTicket';
import { ticketAction } from '../../services/ticketAction';
import { undoQueue } from '../../services/undoQueue';
import '../../work.css';

const WINDOW_KEY = 'work-window';

function rememberedWindow(): string {
  const v = readStored(WINDOW_KEY);
  return typeof v === 'string' ? v : '';
}

/** 叫号 at my window: the current person, call next (never losing them), recall n/3, 过号, put back, 现场取号, undo. */
export default function QueuePage(): ReactNode {
  const { session, notStaff } = useStaffSession(urlOf('workQueue'));
  const [windowId, setWindowId] = useState(rememberedWindow);
  const [board, setBoard] = useState<QueueBoard | null>(null);
  const { state, retry } = useAsync<QueueBoard>(() => {
    if (!session) return new Promise<QueueBoard>(() => undefined);
    return fetchQueue(windowId || undefined).catch(() => fetchQueue());
  }, [windowId, session]);
  useShownAgain(() => {
    fetchQueue(windowId || undefined).then(setBoard, retry);
  });
  const shown = board ?? (state.status === 'ready' ? state.data : null);
  const choose = (id: string): void => {
    writeStored(WINDOW_KEY, id);
    setBoard(null);
    setWindowId(id);
  };

  return (
    <PageRoot className="work work-queue">
      {notStaff ? <NotStaff /> : null}
      {state.status === 'loading' && session ? <LoadingBlock text="正在打开排队情况…" /> : null}
      {state.status === 'error' ? <ErrorBlock message={state.error.message} onRetry={retry} /> : null}
      {shown ? (
        <View>
          <Text className="work__hint">我的窗口</Text>
          <View className="work__row">
            {shown.windows.map((w) => (
              <Chip key={w.id} label={w.name} selected={w.id === shown.windowId} onClick={() => choose(w.id)} />
            ))}
          </View>
          {shown.windowId ? <WindowView board={shown} onBoard={setBoard} /> : <Text className="work__gap work__title">先选一个窗口</Text>}
          <WalkIn />
        </View>
      ) : null}
    </PageRoot>
  );
}

function WindowView({ board, onBoard }: { board: QueueBoard; onBoard: (b: QueueBoard) => void }): ReactNode {
  const windowId = board.windowId!;
  const current = board.current;
  const next = useSubmit((finish: boolean, key: string) => callNext(windowId, finish, key), (b) => onBoard(b));
  const act = useSubmit((a: { id: string; action: TicketAction }, key: string) => ticketAction(a.id, a.action, key), (b) => onBoard(b));
  const undo = useSubmit((_: void, key: string) => undoQueue(windowId, key), (b) => onBoard(b));
  const error = next.error ?? act.error ?? undo.error;
  const busy = next.pending || act.pending || undo.pending;
  const on = (action: TicketAction) => () => current && act.submit({ id: current.id, action });

  return (
    <View className="work__gap">
      <UndoBanner text={undoText(board.lastAction, new Date())} pending={undo.pending} onUndo={() => undo.submit()} />
      {error ? <Text className="work__error">{error.message}</Text> : null}
      <View className="work-current">
        {current ? (
          <View>
            <Text className="work-current__status">
              {TICKET_LABELS[current.status]}
              {current.status === 'called' ? `（第${current.callCount}次）` : ''}
            </Text>
            <Text className="work__big-number">{current.number}号</Text>
            <Text className="work-card__name">{current.kind === 'booking' ? current.applicantName : '现场取号'}</Text>
            <Text className="work-card__line">{current.itemName ?? '事项未定'}</Text>
          </View>
        ) : (
          <Text className="work-current__status">窗口空闲，等候 {board.counts.waiting} 人</Text>
        )}
      </View>
      {queueButtons(current).map((b) => (
        <View key={b} className="work__gap">
          {b === 'call_next' ? (
            <ActionButton pending={busy} onClick={() => next.submit(false)}>
              叫下一位
            </ActionButton>
          ) : null}
          {b === 'serve' ? <BigButton disabled={busy} onClick={on('serve')}>人到了，开始办理</BigButton> : null}
          {b === 'recall' ? (
            <BigButton kind="secondary" disabled={busy} onClick={on('recall')}>
              {`再叫一次（已叫${current!.callCount}/3次）`}
            </BigButton>
          ) : null}
          {b === 'missed' ? (
            <BigButton kind="secondary" disabled={busy} onClick={on('missed')}>
              没来，过号
            </BigButton>
          ) : null}
          {b === 'requeue' ? (
            <BigButton kind="secondary" disabled={busy} onClick={on('requeue')}>
              放回排队，先叫别人
            </BigButton>
          ) : null}
          {b === 'finish_and_next' ? (
            <ActionButton pending={busy} onClick={() => next.submit(true)}>
              办完了，叫下一位
            </ActionButton>
          ) : null}
          {b === 'finish' ? (
            <BigButton kind="secondary" disabled={busy} onClick={on('finish')}>
              办完了，先不叫
            </BigButton>
          ) : null}
        </View>
      ))}
      {current && current.status === 'serving' ? (
        <View className="work__gap">
          <BigButton
            kind="secondary"
            onClick={() =>
              void openPage(
                current.case
                  ? urlOf('workCase', { id: current.case.id })
                  : current.bookingId
                    ? urlOf('workCase', { booking: current.bookingId })
                    : urlOf('workCase', { ticket: current.number }),
              )
            }
          >
            {current.case ? '打开办件' : '受理'}
          </BigButton>
        </View>
      ) : null}
      <Section title={`等候（${board.counts.waiting}人）`} note="按顺序：现场取号按取号时间，预约的人按预约时间">
        {board.waiting.slice(0, 10).map((t) => (
          <TicketLine key={t.id} ticket={t} />
        ))}
        {board.waiting.length === 0 ? <Text className="work__hint">现在没有人在等。</Text> : null}
      </Section>
      {board.missed.length > 0 ? (
        <Section title={`过号（${board.missed.length}人）`} note="人来了，点“放回排队”">
          {board.missed.map((t) => (
            <View key={t.id} className="work-card">
              <Text className="work-card__name">{ticketTitle(t)}</Text>
              <View className="work__gap">
                <BigButton kind="secondary" disabled={busy} onClick={() => act.submit({ id: t.id, action: 'requeue' })}>
                  放回排队
                </BigButton>
              </View>
            </View>
          ))}
        </Section>
      ) : null}
    </View>
  );
}

function TicketLine({ ticket }: { ticket: QueueTicket }): ReactNode {
  return (
    <View className="work-card">
      <Text className="work-card__name">{ticketTitle(ticket)}</Text>
      <Text className="work-card__line">
        {ticket.itemName ?? '事项未定'}
        {ticket.slotStart ? ` · 预约${clockText(ticket.slotStart)}` : ` · ${clockText(ticket.issuedAt)}取号`}
      </Text>
    </View>
  );
}

function WalkIn(): ReactNode {
  const [number, setNumber] = useState<number | null>(null);
  const issue = useSubmit((_: number, key: string) => issueTicket(key), (t) => setNumber(t.number), (n) => String(n));
  const [tap, setTap] = useState(0);
  return (
    <Section title="现场取号" note="没有预约的群众，在这里给一个号">
      {number !== null ? <Text className="work__big-number">{number}号</Text> : null}
      <ActionButton
        pending={issue.pending}
        error={issue.error}
        onRetry={issue.retry}
        onClick={() => {
          // each tap is a new ticket; a retry of the same tap reuses its key
          setTap(tap + 1);
          issue.submit(tap + 1);
        }}
      >
        取一个号
      </ActionButton>
    </Section>
  );
}
