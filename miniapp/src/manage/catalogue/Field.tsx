import { Input, Picker, Text, Textarea, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import './Field.css';

interface TextProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** the server's message for this field (VALIDATION_FAILED), shown under it */
  error?: string | null;
  hint?: string;
  multiline?: boolean;
  /** a short number box */
  narrow?: boolean;
  maxLength?: number;
  placeholder?: string;
}

/** A labelled input of the admin forms: label above, the server's message below in red. */
export function TextField({ label, value, onChange, error, hint, multiline, narrow, maxLength = 2000, placeholder }: TextProps): ReactNode {
  return (
    <View className={`catadmin-field${narrow ? ' catadmin-field--narrow' : ''}${error ? ' catadmin-field--error' : ''}`}>
      <Text className="catadmin-field__label">{label}</Text>
      {multiline ? (
        <Textarea
          className="catadmin-field__input catadmin-field__input--area"
          value={value}
          maxlength={maxLength}
          placeholder={placeholder}
          autoHeight
          onInput={(e) => onChange(e.detail.value)}
        />
      ) : (
        <Input className="catadmin-field__input" value={value} maxlength={maxLength} placeholder={placeholder} onInput={(e) => onChange(e.detail.value)} />
      )}
      {hint ? <Text className="catadmin-field__hint">{hint}</Text> : null}
      {error ? <Text className="catadmin-field__error">{error}</Text> : null}
    </View>
  );
}

interface ChoiceProps<V extends string> {
  label: string;
  value: V;
  options: { value: V; label: string }[];
  onChange: (value: V) => void;
  error?: string | null;
}

/** A labelled choice (native picker: one tap, the phone's own list). */
export function ChoiceField<V extends string>({ label, value, options, onChange, error }: ChoiceProps<V>): ReactNode {
  const index = Math.max(0, options.findIndex((o) => o.value === value));
  return (
    <View className={`catadmin-field${error ? ' catadmin-field--error' : ''}`}>
      <Text className="catadmin-field__label">{label}</Text>
      <Picker mode="selector" range={options.map((o) => o.label)} value={index} onChange={(e) => onChange(options[Number(e.detail.value)]!.value)}>
        <View className="catadmin-field__input catadmin-field__picker">
          <Text>{options.find((o) => o.value === value)?.label ?? '请选择'}</Text>
          <Text className="catadmin-field__caret">▼</Text>
        </View>
      </Picker>
      {error ? <Text className="catadmin-field__error">{error}</Text> : null}
    </View>
  );
}
