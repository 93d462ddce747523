// The form fields of every screen: a labelled text, number, password or multi-line box, and a
// choice (the phone's own picker). Two looks: 'form' (the resident's and the staff's forms: bold
// label, a password can be shown while typing) and 'manage' (the 管理 pages, on phones and desktop
// browsers alike). Sizes come from the type scale, so 长辈模式 makes them large like all text.
import { Input, Picker, Text, Textarea, View } from '@tarojs/components';
import { useState, type ReactNode } from 'react';
import './index.css';

export type FieldLook = 'form' | 'manage';

/** The class block of a look (the class names the tests and styles know). */
const BLOCK: Record<FieldLook, string> = { form: 'text-field', manage: 'm-field' };

interface FrameProps {
  look: FieldLook;
  label: string;
  hint?: string;
  hintTone?: 'info' | 'warn';
  /** the server's message for this field (VALIDATION_FAILED), shown under it in red */
  error?: string | null;
  /** a short box, two to a line */
  narrow?: boolean;
  children: ReactNode;
}

/** Label above, the box, then the hint and the error below. */
function Frame({ look, label, hint, hintTone = 'info', error, narrow, children }: FrameProps): ReactNode {
  const b = BLOCK[look];
  return (
    <View className={`${b}${narrow ? ` ${b}--narrow` : ''}${error ? ` ${b}--error` : ''}`}>
      <Text className={`${b}__label`}>{label}</Text>
      {children}
      {hint ? <Text className={`${b}__hint ${b}__hint--${hintTone}`}>{hint}</Text> : null}
      {error ? <Text className={`${b}__error`}>{error}</Text> : null}
    </View>
  );
}

export interface TextFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** 'form' (default) or 'manage' */
  look?: FieldLook;
  /** text (default); number: the number keyboard; password: hidden, with a 显示 / 隐藏 switch; textarea: several lines */
  kind?: 'text' | 'number' | 'password' | 'textarea';
  placeholder?: string;
  name?: string;
  /** at most this many characters (default 100) */
  maxLength?: number;
  hint?: string;
  hintTone?: 'info' | 'warn';
  error?: string | null;
  narrow?: boolean;
}

/** A labelled input in large type with a big tap area. */
export function TextField({ label, value, onChange, look = 'form', kind = 'text', placeholder, name, maxLength = 100, hint, hintTone, error, narrow }: TextFieldProps): ReactNode {
  const [shown, setShown] = useState(false);
  const b = BLOCK[look];
  const placeholderStyle = look === 'form' ? 'color:#6b7280' : undefined;
  const input = (
    <Input
      className={`${b}__input`}
      name={name}
      value={value}
      type={kind === 'number' ? 'number' : 'text'}
      password={kind === 'password' && !shown}
      placeholder={placeholder}
      placeholderStyle={placeholderStyle}
      maxlength={maxLength}
      onInput={(e) => onChange(e.detail.value)}
    />
  );
  return (
    <Frame look={look} label={label} hint={hint} hintTone={hintTone} error={error} narrow={narrow}>
      {kind === 'textarea' ? (
        <Textarea
          className={`${b}__input ${b}__input--area`}
          name={name}
          value={value}
          maxlength={maxLength}
          placeholder={placeholder}
          placeholderStyle={placeholderStyle}
          autoHeight
          onInput={(e) => onChange(e.detail.value)}
        />
      ) : look === 'manage' && kind !== 'password' ? (
        // the 管理 look: the box itself has the border
        input
      ) : (
        // the form look: the border goes round the box and the 显示 / 隐藏 switch
        <View className={`${b}__row`}>
          {input}
          {kind === 'password' ? (
            <View className={`${b}__toggle`} hoverClass={`${b}__toggle--pressed`} ariaRole="button" onClick={() => setShown(!shown)}>
              <Text>{shown ? '隐藏' : '显示'}</Text>
            </View>
          ) : null}
        </View>
      )}
    </Frame>
  );
}

export interface ChoiceFieldProps<V extends string> {
  label: string;
  value: V;
  options: { value: V; label: string }[];
  onChange: (value: V) => void;
  look?: FieldLook;
  error?: string | null;
}

/** A labelled choice (native picker: one tap, the phone's own list). */
export function ChoiceField<V extends string>({ label, value, options, onChange, look = 'form', error }: ChoiceFieldProps<V>): ReactNode {
  const b = BLOCK[look];
  const index = Math.max(0, options.findIndex((o) => o.value === value));
  return (
    <Frame look={look} label={label} error={error}>
      <Picker mode="selector" range={options.map((o) => o.label)} value={index} onChange={(e) => onChange(options[Number(e.detail.value)]!.value)}>
        <View className={`${b}__input ${b}__picker`}>
          <Text>{options.find((o) => o.value === value)?.label ?? '请选择'}</Text>
          <Text className={`${b}__caret`}>▼</Text>
        </View>
      </Picker>
    </Frame>
  );
}
