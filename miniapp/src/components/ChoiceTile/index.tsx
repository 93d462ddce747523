import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import './index.css';

interface Props {
  title: string;
  /** a second line: "还剩3个号", "周末休息", "上次去过" */
  note?: string;
  selected?: boolean;
  /** greyed and not tappable (a closed day, a full slot), the note says why */
  disabled?: boolean;
  onClick: () => void;
  /** 'wide' fills the row; 'half' two per row (slots); 'row' one line, note on the right (days) */
  size?: 'wide' | 'half' | 'row';
}

/** One big answer to a booking question: a centre, a day, a time, a person, a rating level. */
export function ChoiceTile({ title, note, selected = false, disabled = false, onClick, size = 'wide' }: Props): ReactNode {
  const classes = [
    'choice-tile',
    `choice-tile--${size}`,
    selected ? 'choice-tile--selected' : '',
    disabled ? 'choice-tile--disabled' : '',
  ].filter((c) => c !== '');
  return (
    <View
      className={classes.join(' ')}
      hoverClass={disabled ? 'none' : 'choice-tile--pressed'}
      ariaRole="button"
      ariaLabel={[title, note, selected ? '已选' : '', disabled ? '不能选' : ''].filter(Boolean).join('，')}
      onClick={disabled ? undefined : onClick}
    >
      <Text className="choice-tile__title">{title}</Text>
      {note ? <Text className="choice-tile__note">{note}</Text> : null}
    </View>
  );
}
