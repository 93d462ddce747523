import { Input, Text, View } from '@tarojs/components';
import { useState, type ReactNode } from 'react';
import './index.css';

interface Props {
  label: string;
  value: string;
  onInput: (value: string) => void;
  placeholder?: string;
  /** a password: hidden, with a 显示 / 隐藏 switch beside it */
  secret?: boolean;
  /** a hint under the field (e.g. what is still wrong with a new password) */
  hint?: string;
  hintTone?: 'info' | 'warn';
  name?: string;
  maxlength?: number;
}

/** A labelled input in large type with a big tap area; passwords can be shown while typing. */
export function TextField({ label, value, onInput, placeholder, secret = false, hint, hintTone = 'info', name, maxlength = 64 }: Props): ReactNode {
  const [shown, setShown] = useState(false);
  return (
    <View className="text-field">
      <Text className="text-field__label">{label}</Text>
      <View className="text-field__row">
        <Input
          className="text-field__input"
          name={name}
          value={value}
          password={secret && !shown}
          placeholder={placeholder}
          placeholderStyle="color:#6b7280"
          maxlength={maxlength}
          onInput={(e) => onInput(e.detail.value)}
        />
        {secret ? (
          <View className="text-field__toggle" hoverClass="text-field__toggle--pressed" ariaRole="button" onClick={() => setShown(!shown)}>
            <Text>{shown ? '隐藏' : '显示'}</Text>
          </View>
        ) : null}
      </View>
      {hint ? <Text className={`text-field__hint text-field__hint--${hintTone}`}>{hint}</Text> : null}
    </View>
  );
}
