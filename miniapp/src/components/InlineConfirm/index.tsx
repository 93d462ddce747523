import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { BigButton } from '@/components/BigButton';
import './index.css';

interface Props {
  /** the question, e.g. "还有2样没准备好：…，确定现在预约吗？" */
  message: string;
  confirmText: string;
  cancelText: string;
  onConfirm: () => void;
  onCancel: () => void;
}

/**
 * A confirmation in the page itself, never a pop-up (长辈模式 has none; a modal also hides what
 * the person is deciding about). The safe choice comes first.
 */
export function InlineConfirm({ message, confirmText, cancelText, onConfirm, onCancel }: Props): ReactNode {
  return (
    <View className="inline-confirm" ariaRole="alert">
      <Text className="inline-confirm__message">{message}</Text>
      <View className="inline-confirm__actions">
        <View className="inline-confirm__action">
          <BigButton onClick={onCancel}>{cancelText}</BigButton>
        </View>
        <View className="inline-confirm__action">
          <BigButton kind="secondary" onClick={onConfirm}>
            {confirmText}
          </BigButton>
        </View>
      </View>
    </View>
  );
}
