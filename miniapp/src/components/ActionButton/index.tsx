import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { BigButton } from '@/components/BigButton';
import type { ApiError } from '@/platform/request';
import './index.css';

interface Props {
  children: ReactNode;
  onClick: () => void;
  /** while the request is on its way: disabled, and says so */
  pending: boolean;
  pendingText?: string;
  kind?: 'primary' | 'secondary' | 'danger';
  /** the last failure: its plain message and a 重试 button (same request, same key) */
  error?: ApiError | null;
  onRetry?: () => void;
}

/** A button that sends something: 正在提交… while pending, the server's message and 重试 on failure. */
export function ActionButton({ children, onClick, pending, pendingText = '正在提交…', kind = 'primary', error, onRetry }: Props): ReactNode {
  return (
    <View className={`action-button${kind === 'danger' ? ' action-button--danger' : ''}`}>
      {error ? (
        <View className="action-button__error" ariaRole="alert">
          <Text className="action-button__error-title">没有成功</Text>
          <Text className="action-button__error-text">{error.message}</Text>
        </View>
      ) : null}
      <BigButton kind={kind === 'primary' ? 'primary' : 'secondary'} disabled={pending} onClick={error && onRetry ? onRetry : onClick}>
        {pending ? pendingText : error && onRetry ? '重试' : children}
      </BigButton>
    </View>
  );
}
