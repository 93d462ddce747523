import { Text, View } from '@tarojs/components';
import { useEffect, useState, type ReactNode } from 'react';
import { ActionButton } from '@/components/ActionButton';
import { PageRoot } from '@/components/PageRoot';
import { BigButton } from '@/components/BigButton';
import { PrivacyNotice } from '@/components/PrivacyNotice';
import { LoadingBlock } from '@/components/StatusBlock';
import { useSubmit } from '@/hooks/useSubmit';
import { DEMO_ACCOUNTS } from '@/lib/demoAccounts';
import { PRIVACY_DECLINED_TEXT, PRIVACY_VERSION } from '@/lib/privacyNotice';
import {
  answerPrivacyRequest,
  handlePrivacyRequests,
  privacyRequestPending,
  returnAfterLogin,
  wechatLoginCode,
} from '@/platform/auth';
import { usePageParams } from '@/platform/page';
import { isWeapp } from '@/platform/system';
import { agreedPrivacyVersion, rememberPrivacyAgreed, saveSession, type Session } from '@/platform/session';
import { devLogin } from '@/services/auth/devLogin';
import { wechatLogin } from '@/services/auth/wechatLogin';
import './index.css';

type Consent = 'ask' | 'agreed' | 'declined';

async function loginWithWechat(): Promise<Session> {
  return wechatLogin(await wechatLoginCode());
}

/**
 * 登录: first the privacy notice (once, remembered), then on WeChat a one-tap login with the
 * WeChat identity, on H5 (local and demo servers) a choice of demo accounts. Goes back to the
 * page that asked (`back`) afterwards.
 */
export default function LoginPage(): ReactNode {
  const { back, privacy } = usePageParams('login');
  // opened by WeChat's privacy event: show the notice even if agreed before, then go back
  const privacyOnly = privacy;
  const [consent, setConsent] = useState<Consent>(() =>
    agreedPrivacyVersion() === PRIVACY_VERSION && !privacyOnly ? 'agreed' : 'ask',
  );

  useEffect(() => handlePrivacyRequests(() => setConsent('ask')), []);

  const agree = (): void => {
    rememberPrivacyAgreed(PRIVACY_VERSION, new Date());
    const held = privacyRequestPending();
    answerPrivacyRequest(true);
    if (privacyOnly || held) void returnAfterLogin('');
    else setConsent('agreed');
  };
  const decline = (): void => {
    answerPrivacyRequest(false);
    setConsent('declined');
  };

  return (
    <PageRoot className="login">
      {consent === 'ask' ? <PrivacyNotice onAgree={agree} onDecline={decline} /> : null}
      {consent === 'declined' ? (
        <View className="login__card">
          <Text className="login__title">没有同意，不能在手机上预约</Text>
          <Text className="text-block">{PRIVACY_DECLINED_TEXT}</Text>
          <View className="login__gap">
            <BigButton onClick={() => setConsent('ask')}>再看一遍，重新选择</BigButton>
          </View>
          <View className="login__gap">
            <BigButton kind="secondary" onClick={() => void returnAfterLogin('')}>
              返回
            </BigButton>
          </View>
        </View>
      ) : null}
      {consent === 'agreed' ? isWeapp() ? <WechatLogin back={back} /> : <DemoLogin back={back} /> : null}
    </PageRoot>
  );
}

function WechatLogin({ back }: { back: string }): ReactNode {
  const login = useSubmit(
    () => loginWithWechat(),
    (session) => {
      saveSession(session);
      void returnAfterLogin(back);
    },
  );
  // nothing to choose on WeChat: log in straight away, offer 重试 if it fails
  useEffect(() => login.submit(undefined), []);

  return (
    <View className="login__card">
      <Text className="login__title">用微信登录</Text>
      <Text className="text-block">登录后就能预约、查看进度。不用输入密码。</Text>
      {login.pending ? <LoadingBlock text="正在登录…" /> : null}
      {!login.pending && login.error ? (
        <ActionButton pending={false} error={login.error} onRetry={login.retry} onClick={login.retry}>
          重试
        </ActionButton>
      ) : null}
    </View>
  );
}

function DemoLogin({ back }: { back: string }): ReactNode {
  const login = useSubmit(
    (account: string) => devLogin(account),
    (session) => {
      saveSession(session);
      void returnAfterLogin(back);
    },
  );

  return (
    <View className="login__card">
      <Text className="login__title">选择演示账号登录</Text>
      <Text className="text-block">这是演示版本，请点一个演示账号。在微信小程序里是微信一键登录。</Text>
      {login.error ? (
        <View className="login__error" ariaRole="alert">
          <Text className="login__error-text">{login.error.message}</Text>
        </View>
      ) : null}
      {DEMO_ACCOUNTS.map((account) => (
        <View key={account.login} className="login__gap">
          <BigButton kind="secondary" disabled={login.pending} onClick={() => login.submit(account.login)}>
            <View className="login__account">
              <Text className="login__account-name">{account.name}</Text>
              <Text className="login__account-role">{account.role}</Text>
            </View>
          </BigButton>
        </View>
      ))}
      {login.pending ? <Text className="login__pending">正在登录…</Text> : null}
    </View>
  );
}
