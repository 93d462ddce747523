import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { BigButton } from '@/components/BigButton';
import { useLoginRequired } from '@/hooks/useLoginRequired';
import { goToLogin } from '@/platform/auth';
import type { Session } from '@/platform/session';

/**
 * The page's content for a county admin; for anyone else a plain explanation (the database
 * refuses them anyway: this only spares them a page of errors).
 */
export function AdminOnly({
  back,
  what = '管理事项目录',
  children,
}: {
  back: string;
  /** what only a county admin may do here, e.g. 查看通知送达 */
  what?: string;
  children: (session: Session) => ReactNode;
}): ReactNode {
  const session = useLoginRequired(back);
  if (!session) return null;
  if (session.account.role !== 'admin') {
    return (
      <View>
        <Text className="catadmin__notice">只有县级管理员可以{what}。您现在登录的是“{session.account.displayName}”。</Text>
        <BigButton kind="secondary" onClick={() => void goToLogin(back)}>
          换一个账号登录
        </BigButton>
      </View>
    );
  }
  return <>{children(session)}</>;
}
