import { Text, View } from '@tarojs/components';
import { Loading } from '@nutui/nutui-react-taro';
import type { ReactNode } from 'react';
import { BigButton } from '@/components/BigButton';
import './index.css';

export function LoadingBlock({ text = '正在加载，请稍候…' }: { text?: string }): ReactNode {
  return (
    <View className="status-block" ariaRole="status">
      <Loading direction="vertical">{text}</Loading>
    </View>
  );
}

interface ErrorProps {
  /** the plain message from the server or the network adapter */
  message: string;
  onRetry: () => void;
}

export function ErrorBlock({ message, onRetry }: ErrorProps): ReactNode {
  return (
    <View className="status-block status-block--error" ariaRole="alert">
      <Text className="status-block__title">没能打开</Text>
      <Text className="status-block__text">{message}</Text>
      <BigButton onClick={onRetry}>重试</BigButton>
    </View>
  );
}

interface EmptyProps {
  title: string;
  hint?: string;
  actionText?: string;
  onAction?: () => void;
}

export function EmptyBlock({ title, hint, actionText, onAction }: EmptyProps): ReactNode {
  return (
    <View className="status-block">
      <Text className="status-block__title">{title}</Text>
      {hint ? <Text className="status-block__text">{hint}</Text> : null}
      {actionText && onAction ? (
        <BigButton kind="secondary" onClick={onAction}>
          {actionText}
        </BigButton>
      ) : null}
    </View>
  );
}
