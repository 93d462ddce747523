import { Input, Text, View } from '@tarojs/components';
import type { Booking } from '@contract/booking';
import { useState, type ReactNode } from 'react';
import { ActionButton } from '@/components/ActionButton';
import { BigButton } from '@/components/BigButton';
import { PageRoot } from '@/components/PageRoot';
import { Section } from '@/components/Section';
import { SummaryRow } from '@/components/SummaryRow';
import { useSubmit } from '@/hooks/useSubmit';
import { urlOf } from '@/lib/routes';
import { openPage } from '@/platform/navigation';
import { canScan, scanCode } from '@/platform/scan';
import { NotStaff, useStaffSession } from '../../components/WorkParts';
import { BOOKING_CHIPS, clockText, normaliseCode } from '../../lib/workText';
import { checkIn, type CheckedIn } from '../../services/checkIn';
import { verifyCode } from '../../services/verifyCode';
import '../../work.css';

/** 签到: scan the booking's QR code or type its 8 characters, see who it is, check them in. */
export default function CheckinPage(): ReactNode {
  const { session, notStaff } = useStaffSession(urlOf('workCheckin'));
  const [typed, setTyped] = useState('');
  const [scanned, setScanned] = useState('');
  const [found, setFound] = useState<Booking | null>(null);
  const [done, setDone] = useState<CheckedIn | null>(null);
  const lookup = useSubmit((code: string) => verifyCode(code), (b, code) => {
    setFound(b);
    setScanned(code);
  });
  const arrive = useSubmit((code: string) => checkIn(code), (result) => {
    setDone(result);
    setFound(null);
  });
  const code = normaliseCode(typed);
  const chars = typed.replace(/[\s-]+/g, '').toUpperCase().slice(0, 8).split('');

  const scan = async (): Promise<void> => {
    const text = await scanCode();
    if (text) lookup.submit(text);
  };
  const again = (): void => {
    setTyped('');
    setFound(null);
    setDone(null);
    lookup.clearError();
    arrive.clearError();
  };

  return (
    <PageRoot className="work work-checkin">
      {notStaff ? <NotStaff /> : null}
      {session && done ? (
        <View>
          <Text className="work__ok">{done.applicant.name} 已签到</Text>
          <Text className="work__hint">排队号</Text>
          <Text className="work__big-number">{done.ticket.number}号</Text>
          <Text className="work__hint">{done.itemName}</Text>
          <View className="work__gap">
            <BigButton onClick={again}>签到下一位</BigButton>
          </View>
          <View className="work__gap">
            <BigButton kind="secondary" onClick={() => void openPage(urlOf('workBooking', { id: done.id }))}>
              打开这个预约
            </BigButton>
          </View>
        </View>
      ) : null}
      {session && !done && !found ? (
        <View>
          {canScan() ? (
            <View className="work__gap">
              <BigButton onClick={() => void scan()}>扫预约二维码</BigButton>
            </View>
          ) : null}
          <Text className="work__gap work__title">输入预约码（8位）</Text>
          <Input
            className="work-code"
            value={typed}
            maxlength={9}
            placeholder="例如 7K3MQ2XP"
            placeholderStyle="color:#6b7280;letter-spacing:0"
            onInput={(e) => setTyped(e.detail.value)}
          />
          <View className="work-boxes">
            {Array.from({ length: 8 }, (_, i) => (
              <Text key={i} className={`work-box${chars[i] ? ' work-box--filled' : ''}`}>
                {chars[i] ?? ''}
              </Text>
            ))}
          </View>
          <View className="work__gap">
            <ActionButton pending={lookup.pending} pendingText="正在查…" error={lookup.error} onClick={() => (code === '' ? undefined : lookup.submit(code))}>
              {code === '' ? '请输入8位预约码' : '查这个预约'}
            </ActionButton>
          </View>
        </View>
      ) : null}
      {session && found && !done ? (
        <View>
          <Section title="核对预约">
            <SummaryRow label="姓名" value={`${found.applicant.name}（请核对身份证）`} />
            <SummaryRow label="办什么" value={found.itemName} />
            <SummaryRow label="时间" value={`${found.slotStart.slice(5, 10).replace('-', '月')}日 ${clockText(found.slotStart)}`} />
            <SummaryRow label="状态" value={BOOKING_CHIPS[found.status].text} />
          </Section>
          <View className="work__gap">
            <ActionButton pending={arrive.pending} error={arrive.error} onRetry={arrive.retry} onClick={() => arrive.submit(scanned)}>
              确认签到
            </ActionButton>
          </View>
          <View className="work__gap">
            <BigButton kind="secondary" onClick={again}>
              不对，重新输入
            </BigButton>
          </View>
        </View>
      ) : null}
    </PageRoot>
  );
}
