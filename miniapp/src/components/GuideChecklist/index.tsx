import { Button, Text, View } from '@tarojs/components';
import type { CenterRef, Material } from '@contract/catalogue';
import { useEffect, useState, type ReactNode } from 'react';
import { BigButton } from '@/components/BigButton';
import { InlineConfirm } from '@/components/InlineConfirm';
import { LinkRow } from '@/components/LinkRow';
import { MaterialCheck } from '@/components/MaterialCheck';
import { Section } from '@/components/Section';
import { YesNoQuestion } from '@/components/YesNoQuestion';
import { useMyCenter } from '@/hooks/useMyCenter';
import { centerKindLabel } from '@/lib/centers';
import {
  answerQuestion,
  bookingWarningText,
  checklistLines,
  checklistShareText,
  conditionQuestion,
  missingMaterials,
  neededMaterials,
  progressText,
  summaryTitle,
  toggleHave,
  type ChecklistState,
} from '@/lib/checklist';
import { materialCountText, materialFormLine } from '@/lib/materialText';
import { urlOf } from '@/lib/routes';
import { openPage } from '@/platform/navigation';
import { canShareToChat, copyText } from '@/platform/share';
import './index.css';

// The materials checklist of a guide (one item, or a 一件事 bundle's merged list), what to
// take, sharing it with the family, booking, and where to go. Shared by the item and bundle pages.

/** Most items are handled in every township: show a few centres, the rest on request. */
export const CENTERS_SHOWN_FIRST = 5;

/** What the checklist needs: an item, or a bundle shown as one matter. */
export interface ChecklistGuide {
  /** key the ticks are remembered under */
  id: string;
  name: string;
  materials: Material[];
  centers: CenterRef[];
  /** the item a visit is booked for */
  bookItemId: string;
}

interface ChecklistProps {
  item: ChecklistGuide;
  state: ChecklistState;
  onChange: (change: (state: ChecklistState) => ChecklistState) => void;
}

/** The materials as tick boxes, conditional ones as yes/no questions, in published order. */
export function Checklist({ item, state, onChange }: ChecklistProps): ReactNode {
  const lines = checklistLines(item.materials, state);
  const toggle = (m: Material) => onChange((s) => toggleHave(s, m.id));
  return (
    <Section
      title={`要带的材料（${item.materials.length}项）`}
      note={item.materials.length > 0 ? `${materialCountText(item.materials)}。在家备好一样，就点一下“我有了”，手机会记住。` : undefined}
    >
      {lines.length === 0 ? (
        <Text className="text-muted">暂无材料清单，出门前请先打电话问一问。</Text>
      ) : (
        lines.map((line) =>
          line.material.requirement === 'conditional' ? (
            <YesNoQuestion
              key={line.material.id}
              question={conditionQuestion(line.material)}
              adds={`${line.material.name}（${materialFormLine(line.material).replace(/ /g, '\u00a0')}）`}
              answer={state.answers[line.material.id]}
              onAnswer={(yes) => onChange((s) => answerQuestion(s, line.material.id, yes))}
            >
              <MaterialCheck material={line.material} have={line.have} onToggle={() => toggle(line.material)} />
            </YesNoQuestion>
          ) : (
            <MaterialCheck key={line.material.id} material={line.material} have={line.have} onToggle={() => toggle(line.material)} />
          ),
        )
      )}
    </Section>
  );
}

/** "出门前带齐这N样": the list to take, sharing it with the family, and booking. */
export function ChecklistSummary({ item, state }: { item: ChecklistGuide; state: ChecklistState }): ReactNode {
  const [myCenter] = useMyCenter();
  const [warning, setWarning] = useState(false);
  const [copied, setCopied] = useState<'' | 'ok' | 'failed'>('');
  const needed = neededMaterials(item.materials, state);
  const missing = missingMaterials(item.materials, state);
  const place = myCenter && item.centers.some((c) => c.id === myCenter.id) ? myCenter : null;

  const signature = JSON.stringify(state);
  useEffect(() => {
    // the warning answers the list as it was: a change to the list closes it
    setWarning(false);
    setCopied('');
  }, [signature]);

  const book = (): void => {
    setWarning(false);
    void openPage(urlOf('book', { item: item.bookItemId, center: place?.id }));
  };
  const tryBook = (): void => {
    if (missing.length > 0) setWarning(true);
    else book();
  };
  const copy = async (): Promise<void> => {
    const ok = await copyText(checklistShareText(item.name, item.materials, state, place));
    setCopied(ok ? 'ok' : 'failed');
  };

  return (
    <Section title={summaryTitle(needed.length)} note={progressText(needed.length, missing.length) || undefined}>
      <View className="summary">
        {needed.map((m, index) => {
          const have = !missing.includes(m);
          return (
            <View key={m.id} className={`summary__line${have ? ' summary__line--have' : ''}`}>
              <Text className="summary__mark">{have ? '✓' : `${index + 1}`}</Text>
              <View className="summary__main">
                <Text className="summary__name">{m.name}</Text>
                <Text className="summary__state">{have ? '已备好' : '还没有'}</Text>
              </View>
            </View>
          );
        })}
      </View>

      <View className="summary__actions">
        {canShareToChat() ? (
          <Button className="share-button" openType="share" hoverClass="share-button--pressed">
            转发给家人看
          </Button>
        ) : null}
        <View className="summary__action">
          <BigButton kind="secondary" onClick={() => void copy()}>
            复制清单，发给家人
          </BigButton>
        </View>
        {copied === 'ok' ? (
          <Text className="summary__copied">
            已复制。打开家人的微信聊天，长按输入框，点“粘贴”就能发出去。
          </Text>
        ) : null}
        {copied === 'failed' ? (
          <Text className="summary__copy-failed">
            这部手机不让复制，可以截个图发给家人。
          </Text>
        ) : null}
        <View className="summary__action">
          <BigButton onClick={tryBook}>去预约</BigButton>
        </View>
        {warning ? (
          <InlineConfirm
            message={bookingWarningText(missing)}
            confirmText="去预约"
            cancelText="再看看"
            onConfirm={book}
            onCancel={() => setWarning(false)}
          />
        ) : null}
      </View>
    </Section>
  );
}

export function WhereToGo({ centers, shownFirst }: { centers: CenterRef[]; shownFirst: number }): ReactNode {
  const [showAll, setShowAll] = useState(false);
  const shown = showAll ? centers : centers.slice(0, shownFirst);
  return (
    <Section title={centers.length > 0 ? `在哪里办（${centers.length}个地方）` : '在哪里办'}>
      {centers.length === 0 ? (
        <Text className="text-muted">请到户籍所在乡镇的便民服务中心咨询。</Text>
      ) : (
        shown.map((center) => (
          <LinkRow
            key={center.id}
            title={center.name}
            detail={`${centerKindLabel(center.kind)} · 看地址、电话和开放时间`}
            onClick={() => void openPage(urlOf('center', { id: center.id }))}
          />
        ))
      )}
      {shown.length < centers.length ? (
        <View className="guide__more-centers">
          <BigButton kind="secondary" onClick={() => setShowAll(true)}>
            显示全部{centers.length}个地方
          </BigButton>
        </View>
      ) : null}
    </Section>
  );
}
