import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import './index.css';

/** "第2步，共4步" over the question of the screen ("选择哪一天去"). */
export function StepHeader({ progress, title }: { progress: string; title: string }): ReactNode {
  return (
    <View className="step-header">
      <Text className="step-header__progress">{progress}</Text>
      <Text className="step-header__title">{title}</Text>
    </View>
  );
}
