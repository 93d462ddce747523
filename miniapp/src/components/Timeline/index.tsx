import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import type { TimelineLine } from '@/lib/timeline';
import './index.css';

/** 办理进度: one dot per step, the latest at the bottom and highlighted. */
export function Timeline({ lines }: { lines: readonly TimelineLine[] }): ReactNode {
  if (lines.length === 0) return <Text className="text-muted">还没有进度。</Text>;
  return (
    <View className="timeline">
      {lines.map((line, index) => (
        <View
          key={`${line.kind}-${index}`}
          className={`timeline__step timeline__step--${line.tone}${index === lines.length - 1 ? ' timeline__step--latest' : ''}`}
        >
          <View className="timeline__dot" />
          <View className="timeline__body">
            <Text className="timeline__title">{line.title}</Text>
            <Text className="timeline__at">{line.at}</Text>
            {line.details.map((detail) => (
              <Text key={detail} className="timeline__detail">
                {detail}
              </Text>
            ))}
          </View>
        </View>
      ))}
    </View>
  );
}
