import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import './manage.css';

/** A message box under a form: what happened, in plain words. */
export function Notice({ tone, children }: { tone: 'ok' | 'warn'; children: ReactNode }): ReactNode {
  return (
    <View className={`m-notice m-notice--${tone}`} ariaRole="alert">
      <Text>{children}</Text>
    </View>
  );
}
