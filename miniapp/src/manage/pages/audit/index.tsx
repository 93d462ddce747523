import { Text, View } from '@tarojs/components';
import { useEffect, useState, type ReactNode } from 'react';
import type { AuditEntry } from '@contract/accounts';
import { BigButton } from '@/components/BigButton';
import { PageRoot } from '@/components/PageRoot';
import { EmptyBlock, ErrorBlock, LoadingBlock } from '@/components/StatusBlock';
import { auditActionLabel, auditTime, ROLE_LABELS } from '@/lib/staffAccounts';
import { toApiError, type ApiError } from '@/platform/request';
import { fetchAuditLog } from '@/services/accounts/fetchAuditLog';
import './index.css';

/** 操作记录: who changed what, newest first, 30 at a time (加载更多). */
export default function AuditPage(): ReactNode {
  const [rows, setRows] = useState<AuditEntry[]>([]);
  const [next, setNext] = useState<number | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<ApiError | null>(null);

  const load = (before: number | null): void => {
    setLoading(true);
    setError(null);
    fetchAuditLog(before).then(
      (page) => {
        setRows((old) => (before === null ? page.rows : [...old, ...page.rows]));
        setNext(page.nextBefore);
        setLoading(false);
      },
      (e: unknown) => {
        setError(toApiError(e));
        setLoading(false);
      },
    );
  };
  useEffect(() => load(null), []);

  return (
    <PageRoot className="audit">
      <Text className="page-title">操作记录</Text>
      <Text className="text-block">谁在什么时候改了什么，最新的在前面。</Text>
      {rows.map((r) => (
        <View key={r.id} className="audit-row">
          <Text className="audit-row__action">{auditActionLabel(r.action)}</Text>
          <Text className="audit-row__who">
            {r.actorName ?? '系统'}（{ROLE_LABELS[r.actorRole] ?? (r.actorRole === 'system' ? '命令行' : r.actorRole)}）
          </Text>
          <Text className="audit-row__at">{auditTime(r.at)}</Text>
          {typeof r.detail.username === 'string' ? <Text className="audit-row__detail">账号：{r.detail.username}</Text> : null}
        </View>
      ))}
      {loading ? <LoadingBlock /> : null}
      {error ? <ErrorBlock message={error.message} onRetry={() => load(rows.length ? next : null)} /> : null}
      {!loading && !error && rows.length === 0 ? <EmptyBlock title="还没有操作记录" /> : null}
      {!loading && !error && next !== null ? (
        <View className="audit__more">
          <BigButton kind="secondary" onClick={() => load(next)}>
            加载更多
          </BigButton>
        </View>
      ) : null}
    </PageRoot>
  );
}
