import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import './index.css';

interface Props {
  title: string;
  /** a short line under the title, e.g. "必需3项，视情况2项" */
  note?: string;
  children: ReactNode;
}

/** A white card with a heading: the building block of the detail pages. */
export function Section({ title, note, children }: Props): ReactNode {
  return (
    <View className="section">
      <Text className="section__title">{title}</Text>
      {note ? <Text className="section__note">{note}</Text> : null}
      <View className="section__body">{children}</View>
    </View>
  );
}
