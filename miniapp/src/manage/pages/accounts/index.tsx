import { Text, View } from '@tarojs/components';
import { useState, type ReactNode } from 'react';
import type { AccountWithPassword, StaffAccount } from '@contract/accounts';
import { ActionButton } from '@/components/ActionButton';
import { BigButton } from '@/components/BigButton';
import { ChoiceTile } from '@/components/ChoiceTile';
import { InlineConfirm } from '@/components/InlineConfirm';
import { PageRoot } from '@/components/PageRoot';
import { Section } from '@/components/Section';
import { ErrorBlock, LoadingBlock } from '@/components/StatusBlock';
import { TextField } from '@/components/Field';
import { useAsync } from '@/hooks/useAsync';
import { useSubmit } from '@/hooks/useSubmit';
import { urlOf } from '@/lib/routes';
import { accountStatus, assignableRoles, ROLE_LABELS, usernameProblem } from '@/lib/staffAccounts';
import { openPage } from '@/platform/navigation';
import { loadSession } from '@/platform/session';
import { createAccount } from '@/services/accounts/createAccount';
import { fetchCenters } from '@/services/catalogue/fetchCenters';
import { fetchAccounts } from '@/services/accounts/fetchAccounts';
import { resetAccountPassword } from '@/services/accounts/resetAccountPassword';
import { setAccountActive } from '@/services/accounts/setAccountActive';
import './index.css';

type Pending = { id: string; action: 'reset' | 'deactivate' } | null;

/**
 * 账号管理: the accounts the caller manages (admins: their county; managers: their window staff),
 * new account with a temporary password shown once, reset, deactivate / reactivate with an
 * in-page confirmation (no pop-ups).
 */
export default function AccountsPage(): ReactNode {
  const session = loadSession();
  const myRole = session?.account.role ?? '';
  const myCenter = (session?.account as { centerId?: string | null } | undefined)?.centerId ?? null;
  const [version, setVersion] = useState(0);
  const { state, retry } = useAsync(() => fetchAccounts(), [version]);
  const [creating, setCreating] = useState(false);
  const [shownPassword, setShownPassword] = useState<{ name: string; username: string; password: string } | null>(null);
  const [confirm, setConfirm] = useState<Pending>(null);
  const reload = (): void => setVersion((v) => v + 1);

  const showPassword = (r: AccountWithPassword): void => {
    if (r.temporaryPassword) setShownPassword({ name: r.account.displayName, username: r.account.username, password: r.temporaryPassword });
    reload();
  };
  const reset = useSubmit((id: string) => resetAccountPassword(id), (r) => {
    setConfirm(null);
    showPassword(r);
  });
  const toggle = useSubmit((a: { id: string; active: boolean }) => setAccountActive(a.id, a.active), () => {
    setConfirm(null);
    reload();
  });

  return (
    <PageRoot className="accounts">
      <Text className="page-title">账号管理</Text>
      <View className="accounts__links">
        <BigButton kind="secondary" onClick={() => void openPage(urlOf('manageAudit'))}>
          查看操作记录
        </BigButton>
      </View>

      {shownPassword ? (
        <View className="accounts__password" ariaRole="alert">
          <Text className="accounts__password-title">{shownPassword.name} 的临时密码</Text>
          <Text className="accounts__password-line">用户名：{shownPassword.username}</Text>
          <Text className="accounts__password-value">{shownPassword.password}</Text>
          <Text className="accounts__password-note">只显示这一次，请当面告诉本人。本人第一次登录时要改成自己的密码。</Text>
          <BigButton onClick={() => setShownPassword(null)}>我记下了</BigButton>
        </View>
      ) : null}

      {creating ? (
        <CreateForm myRole={myRole} myCenter={myCenter} onCancel={() => setCreating(false)} onDone={(r) => { setCreating(false); showPassword(r); }} />
      ) : (
        <View className="accounts__gap">
          <BigButton onClick={() => setCreating(true)}>新建账号</BigButton>
        </View>
      )}

      {state.status === 'loading' ? <LoadingBlock /> : null}
      {state.status === 'error' ? <ErrorBlock message={state.error.message} onRetry={retry} /> : null}
      {state.status === 'ready' ? (
        <Section title={`账号（${state.data.rows.length}个）`}>
          {state.data.rows.map((a) => (
            <AccountRow
              key={a.id}
              account={a}
              isMe={a.id === session?.account.id}
              confirm={confirm?.id === a.id ? confirm.action : null}
              onAsk={(action) => setConfirm({ id: a.id, action })}
              onCancel={() => setConfirm(null)}
              onReset={() => reset.submit(a.id)}
              onDeactivate={() => toggle.submit({ id: a.id, active: false })}
              onReactivate={() => toggle.submit({ id: a.id, active: true })}
              pending={reset.pending || toggle.pending}
            />
          ))}
          {reset.error || toggle.error ? (
            <View className="accounts__error" ariaRole="alert">
              <Text className="accounts__error-text">{(reset.error ?? toggle.error)?.message}</Text>
            </View>
          ) : null}
        </Section>
      ) : null}
    </PageRoot>
  );
}

interface RowProps {
  account: StaffAccount;
  isMe: boolean;
  confirm: 'reset' | 'deactivate' | null;
  pending: boolean;
  onAsk: (action: 'reset' | 'deactivate') => void;
  onCancel: () => void;
  onReset: () => void;
  onDeactivate: () => void;
  onReactivate: () => void;
}

function AccountRow({ account: a, isMe, confirm, pending, onAsk, onCancel, onReset, onDeactivate, onReactivate }: RowProps): ReactNode {
  const status = accountStatus(a, new Date());
  return (
    <View className={`account-row${a.active ? '' : ' account-row--off'}`}>
      <Text className="account-row__name">
        {a.displayName}
        {isMe ? '（我）' : ''}
      </Text>
      <Text className="account-row__meta">
        {ROLE_LABELS[a.role] ?? a.role} · {a.username}
        {a.centerName ? ` · ${a.centerName}` : ''}
      </Text>
      <Text className={`account-row__status account-row__status--${status.tone}`}>{status.text}</Text>
      {isMe ? null : confirm === 'reset' ? (
        <InlineConfirm
          message={`给 ${a.displayName} 重置密码？会生成新的临时密码，原密码马上失效，绑定的微信也会解除。`}
          confirmText={pending ? '正在重置…' : '重置'}
          cancelText="不重置"
          onConfirm={onReset}
          onCancel={onCancel}
        />
      ) : confirm === 'deactivate' ? (
        <InlineConfirm
          message={`停用 ${a.displayName} 的账号？停用后马上不能登录和办理，以后可以恢复。`}
          confirmText={pending ? '正在停用…' : '停用'}
          cancelText="不停用"
          onConfirm={onDeactivate}
          onCancel={onCancel}
        />
      ) : (
        <View className="account-row__actions">
          {a.active ? (
            <>
              <View className="account-row__action">
                <BigButton kind="secondary" onClick={() => onAsk('reset')}>重置密码</BigButton>
              </View>
              <View className="account-row__action">
                <BigButton kind="secondary" onClick={() => onAsk('deactivate')}>停用</BigButton>
              </View>
            </>
          ) : (
            <View className="account-row__action">
              <BigButton kind="secondary" onClick={onReactivate}>恢复</BigButton>
            </View>
          )}
        </View>
      )}
    </View>
  );
}

function CreateForm({ myRole, myCenter, onCancel, onDone }: { myRole: string; myCenter: string | null; onCancel: () => void; onDone: (r: AccountWithPassword) => void }): ReactNode {
  const roles = assignableRoles(myRole);
  const [username, setUsername] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<'staff' | 'manager' | 'admin'>(roles[0] ?? 'staff');
  const [centerId, setCenterId] = useState(myCenter ?? '');
  const [problem, setProblem] = useState('');
  const create = useSubmit(
    (body: { username: string; displayName: string; role: 'staff' | 'manager' | 'admin'; centerId: string | null }, key: string) => createAccount(body, key),
    (r) => onDone(r),
  );
  const needsCenter = role !== 'admin' && myRole === 'admin';
  const send = (): void => {
    const p = usernameProblem(username) ?? (name.trim() === '' ? '请填写姓名' : needsCenter && centerId === '' ? '请选择所在的中心' : '');
    setProblem(p);
    if (p) return;
    create.submit({ username: username.trim().toLowerCase(), displayName: name.trim(), role, centerId: role === 'admin' ? null : centerId || null });
  };
  return (
    <Section title="新建账号">
      <TextField label="姓名" name="display-name" value={name} onChange={setName} placeholder="例如 王芳" maxLength={40} />
      <TextField label="用户名（登录用）" name="new-username" value={username} onChange={setUsername} placeholder="例如 wangfang" maxLength={32} hint="字母开头，可用字母、数字和 . _ -" />
      {roles.length > 1 ? (
        <View className="accounts__roles">
          <Text className="accounts__label">角色</Text>
          {roles.map((r) => (
            <ChoiceTile key={r} title={ROLE_LABELS[r] ?? r} selected={role === r} onClick={() => setRole(r)} />
          ))}
        </View>
      ) : (
        <Text className="text-block">角色：窗口人员（本中心）</Text>
      )}
      {needsCenter ? <CenterChoice value={centerId} onChange={setCenterId} /> : null}
      {problem ? (
        <View className="accounts__error" ariaRole="alert">
          <Text className="accounts__error-text">{problem}</Text>
        </View>
      ) : null}
      <ActionButton pending={create.pending} error={create.error} onRetry={create.retry} onClick={send}>
        新建并生成临时密码
      </ActionButton>
      <View className="accounts__gap">
        <BigButton kind="secondary" onClick={onCancel}>不建了</BigButton>
      </View>
    </Section>
  );
}

/** The centres of the county as big choices (a manager's own centre needs no choice). */
function CenterChoice({ value, onChange }: { value: string; onChange: (id: string) => void }): ReactNode {
  const { state, retry } = useAsync(() => fetchCenters({ kind: 'center' }), []);
  if (state.status === 'loading') return <LoadingBlock text="正在加载中心…" />;
  if (state.status === 'error') return <ErrorBlock message={state.error.message} onRetry={retry} />;
  return (
    <View className="accounts__roles">
      <Text className="accounts__label">所在中心</Text>
      <View className="accounts__centers">
        {state.data.data.map((c) => (
          <ChoiceTile key={c.id} size="half" title={c.township} selected={value === c.id} onClick={() => onChange(c.id)} />
        ))}
      </View>
    </View>
  );
}
