import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { BigButton } from '@/components/BigButton';
import type { PagedList } from '@/hooks/usePagedList';
import './index.css';

/** The foot of a paged list: 加载更多, loading, an inline error with 重试, or "已全部显示". */
export function LoadMore<T>({ list }: { list: PagedList<T> }): ReactNode {
  const { state, canLoadMore, loadMore, retry } = list;
  if (state.rows.length === 0) return null;

  if (state.status === 'error') {
    return (
      <View className="load-more">
        <Text className="load-more__error">{state.error?.message ?? ''}</Text>
        <BigButton onClick={retry}>重试</BigButton>
      </View>
    );
  }
  if (state.status === 'more') {
    return (
      <View className="load-more">
        <Text className="load-more__text">正在加载…</Text>
      </View>
    );
  }
  if (canLoadMore) {
    return (
      <View className="load-more">
        <BigButton kind="secondary" onClick={loadMore}>
          加载更多（还有{state.total - state.rows.length}项）
        </BigButton>
      </View>
    );
  }
  return (
    <View className="load-more">
      <Text className="load-more__text">已全部显示，共{state.total}项</Text>
    </View>
  );
}
