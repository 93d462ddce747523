import { Text, View } from '@tarojs/components';
import { useState, type ReactNode } from 'react';
import type { LoginAccount } from '@contract/accounts';
import { ActionButton } from '@/components/ActionButton';
import { PageRoot } from '@/components/PageRoot';
import { TextField } from '@/components/Field';
import { useSubmit } from '@/hooks/useSubmit';
import { newPasswordProblem, PASSWORD_ADVICE, pageAfterStaffLogin, ROLE_LABELS } from '@/lib/staffAccounts';
import { replacePage } from '@/platform/navigation';
import { saveSession } from '@/platform/session';
import { changePassword } from '@/services/accounts/changePassword';
import { passwordLogin } from '@/services/accounts/passwordLogin';
import './index.css';

type Step = { kind: 'login' } | { kind: 'change'; username: string; temporary: string; account: LoginAccount };

function goOn(account: LoginAccount): void {
  // staff: 今天的预约 (work/pages/today); managers and admins: 账号管理
  void replacePage(pageAfterStaffLogin({ ...account, mustChangePassword: false }));
}

/**
 * 工作人员登录: username + password (shown on request), then — for a new or reset account — the
 * forced change of the temporary password before anything else works.
 */
export default function WorkLoginPage(): ReactNode {
  const [step, setStep] = useState<Step>({ kind: 'login' });
  return (
    <PageRoot className="work-login">
      <Text className="page-title">工作人员登录</Text>
      {step.kind === 'login' ? (
        <LoginStep
          onLoggedIn={(username, password, account) =>
            account.mustChangePassword ? setStep({ kind: 'change', username, temporary: password, account }) : goOn(account)
          }
        />
      ) : (
        <ChangeStep username={step.username} temporary={step.temporary} account={step.account} />
      )}
    </PageRoot>
  );
}

function LoginStep({ onLoggedIn }: { onLoggedIn: (username: string, password: string, account: LoginAccount) => void }): ReactNode {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState('');
  const login = useSubmit(
    (input: { username: string; password: string }) => passwordLogin(input.username, input.password),
    (result, input) => {
      saveSession({ token: result.token, account: result.account });
      onLoggedIn(input.username.trim().toLowerCase(), input.password, result.account);
    },
  );
  const send = (): void => {
    if (username.trim() === '' || password === '') {
      setMissing(username.trim() === '' ? '请填写用户名' : '请填写密码');
      return;
    }
    setMissing('');
    login.clearError();
    login.submit({ username, password });
  };

  return (
    <View className="work-login__card">
      <Text className="text-block">用管理员给您的用户名和密码登录。第一次登录要先改密码。</Text>
      <TextField label="用户名" name="username" value={username} onChange={setUsername} placeholder="例如 zhoumin" maxLength={32} />
      <TextField label="密码" name="password" value={password} onChange={setPassword} placeholder="输入密码" kind="password" maxLength={64} />
      {missing || login.error ? (
        <View className="work-login__error" ariaRole="alert">
          <Text className="work-login__error-text">{missing || login.error?.message}</Text>
        </View>
      ) : null}
      <View className="work-login__gap">
        <ActionButton pending={login.pending} error={null} onRetry={send} onClick={send}>
          登录
        </ActionButton>
      </View>
      <Text className="work-login__note">忘记密码或账号被锁定：请找中心负责人或县管理员重置密码。</Text>
    </View>
  );
}

function ChangeStep({ username, temporary, account }: { username: string; temporary: string; account: LoginAccount }): ReactNode {
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [tried, setTried] = useState(false);
  const problem = newPasswordProblem(next, username, temporary, repeat);
  const change = useSubmit(
    (pw: string) => changePassword(temporary, pw),
    (result) => goOn(result.account),
  );
  const send = (): void => {
    setTried(true);
    if (problem) return;
    change.submit(next);
  };
  const hint = problem && (tried || next.length >= 8) ? `还不行：${PASSWORD_ADVICE[problem]}` : '至少8位，要有字母和数字，不能含有用户名';

  return (
    <View className="work-login__card">
      <Text className="work-login__who">
        {account.displayName}（{ROLE_LABELS[account.role] ?? account.role}）
      </Text>
      <Text className="text-block">这是第一次登录（或密码刚被重置）。请换成只有您自己知道的新密码，改好后才能开始工作。</Text>
      <TextField label="新密码" name="new-password" value={next} onChange={setNext} kind="password" hint={hint} hintTone={problem && tried ? 'warn' : 'info'} maxLength={64} />
      <TextField label="再输一遍新密码" name="repeat-password" value={repeat} onChange={setRepeat} kind="password" maxLength={64} />
      {change.error ? (
        <View className="work-login__error" ariaRole="alert">
          <Text className="work-login__error-text">{change.error.message}</Text>
        </View>
      ) : null}
      <View className="work-login__gap">
        <ActionButton pending={change.pending} error={null} onRetry={send} onClick={send}>
          改好了，开始工作
        </ActionButton>
      </View>
    </View>
  );
}

