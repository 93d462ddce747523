import { Input, Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import './manage.css';

interface Props {
  label: string;
  value: string;
  onChange: (value: string) => void;
  placeholder?: string;
  /** number keyboard for counts */
  numeric?: boolean;
  maxLength?: number;
}

/** A labelled text box in large type (desktop browsers and phones alike). */
export function Field({ label, value, onChange, placeholder, numeric = false, maxLength = 100 }: Props): ReactNode {
  return (
    <View className="m-field">
      <Text className="m-field__label">{label}</Text>
      <Input
        className="m-field__input"
        value={value}
        type={numeric ? 'number' : 'text'}
        placeholder={placeholder}
        maxlength={maxLength}
        onInput={(e) => onChange(e.detail.value)}
      />
    </View>
  );
}

/** A message box under a form: what happened, in plain words. */
export function Notice({ tone, children }: { tone: 'ok' | 'warn'; children: ReactNode }): ReactNode {
  return (
    <View className={`m-notice m-notice--${tone}`} ariaRole="alert">
      <Text>{children}</Text>
    </View>
  );
}
