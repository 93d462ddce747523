import { Button, Text, View } from '@tarojs/components';
import { useState, type ReactNode } from 'react';
import { BigButton } from '@/components/BigButton';
import { useAsync } from '@/hooks/useAsync';
import { useSubmit } from '@/hooks/useSubmit';
import { PHONE_WHY, phoneButtonResult } from '@/lib/phoneNumber';
import { fetchMe } from '@/services/auth/fetchMe';
import { saveWechatPhone } from '@/services/auth/saveWechatPhone';
import './index.css';

/**
 * The optional phone number: shown masked when given; in WeChat, given with one tap through
 * 手机号快速验证 (the person sees WeChat's own consent sheet). Nothing is asked at launch.
 */
export function MyPhone(): ReactNode {
  const me = useAsync(() => fetchMe(), []);
  const [saved, setSaved] = useState<string | null>(null);
  const [note, setNote] = useState<'' | 'declined' | 'failed'>('');
  const save = useSubmit(
    (code: string) => saveWechatPhone(code),
    (result) => setSaved(result.phone),
  );
  const phone = saved ?? (me.state.status === 'ready' ? me.state.data.phone : null);

  if (me.state.status === 'loading') return <Text className="text-muted">正在查看…</Text>;
  if (me.state.status === 'error') {
    return (
      <View>
        <Text className="my-phone__text">{me.state.error.message}</Text>
        <BigButton kind="secondary" onClick={me.retry}>
          重试
        </BigButton>
      </View>
    );
  }
  return (
    <View className="my-phone">
      {phone ? <Text className="my-phone__number">已留手机号：{phone}</Text> : null}
      <Text className="my-phone__text">{PHONE_WHY}</Text>
      {process.env.TARO_ENV === 'weapp' ? (
        <Button
          className="my-phone__button"
          openType="getPhoneNumber"
          hoverClass="my-phone__button--pressed"
          disabled={save.pending}
          onGetPhoneNumber={(e) => {
            const result = phoneButtonResult(e.detail);
            setNote(result.kind === 'code' ? '' : result.kind);
            if (result.kind === 'code') save.submit(result.code);
          }}
        >
          {save.pending ? '正在保存…' : phone ? '换成这个微信绑定的手机号' : '用微信绑定的手机号'}
        </Button>
      ) : (
        <Text className="my-phone__text text-muted">在微信里打开本小程序，点一下就能留手机号。</Text>
      )}
      {note === 'declined' ? <Text className="my-phone__text">好的，不留也能正常预约。</Text> : null}
      {note === 'failed' ? <Text className="my-phone__text">微信没能给出手机号，请稍后再试。</Text> : null}
      {save.error ? (
        <View>
          <Text className="my-phone__error">{save.error.message}</Text>
          <BigButton kind="secondary" onClick={save.retry}>
            重试
          </BigButton>
        </View>
      ) : null}
    </View>
  );
}
