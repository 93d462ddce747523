import { View } from '@tarojs/components';
import type { ReactNode } from 'react';
import './index.css';

interface Props {
  children: ReactNode;
  onClick: () => void;
  /** primary = filled, secondary = outlined */
  kind?: 'primary' | 'secondary';
  disabled?: boolean;
}

/**
 * A full-width button at least 48 CSS px tall (64 in 长辈模式: `--tap-min`). A View, not Taro's Button, because WeChat's
 * native button brings its own sizes and border that fight large-type styles.
 */
export function BigButton({ children, onClick, kind = 'primary', disabled = false }: Props): ReactNode {
  return (
    <View
      className={`big-button big-button--${kind}${disabled ? ' big-button--disabled' : ''}`}
      hoverClass={disabled ? 'none' : 'big-button--pressed'}
      ariaRole="button"
      onClick={disabled ? undefined : onClick}
    >
      {children}
    </View>
  );
}
