import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { BigButton } from '@/components/BigButton';
import { CenterCard } from '@/components/CenterCard';
import { DemoFooter } from '@/components/DemoFooter';
import { SearchField } from '@/components/SearchField';
import { EmptyBlock, ErrorBlock, LoadingBlock } from '@/components/StatusBlock';
import { useAsync } from '@/hooks/useAsync';
import { groupCentersByKind } from '@/lib/centers';
import { routes } from '@/lib/routes';
import { openPage } from '@/platform/navigation';
import { fetchCenters } from '@/services/catalogue/fetchCenters';
import './index.css';

const openCenter = (id: string): void => void openPage(routes.center(id));

export default function HomePage(): ReactNode {
  const { state, retry } = useAsync(() => fetchCenters(), []);

  return (
    <View className="page home">
      <View className="home__hero">
        <Text className="page-title">便民服务</Text>
        <Text className="page-lead">找到您乡镇的便民服务中心，出门前先看清办事指南和要带的材料。</Text>
      </View>

      <SearchField
        placeholder="如：低保、医保"
        onSearch={(q) => void openPage(routes.catalogue({ q }))}
      />
      <View className="home__browse">
        <BigButton kind="secondary" onClick={() => void openPage(routes.catalogue())}>
          查看全部办事事项
        </BigButton>
      </View>

      {state.status === 'loading' ? <LoadingBlock text="正在加载服务中心…" /> : null}
      {state.status === 'error' ? <ErrorBlock message={state.error.message} onRetry={retry} /> : null}
      {state.status === 'ready' && state.data.length === 0 ? (
        <EmptyBlock title="暂时没有服务中心信息" hint="请稍后再来看看" actionText="刷新" onAction={retry} />
      ) : null}
      {state.status === 'ready'
        ? groupCentersByKind(state.data).map((group) => (
            <View key={group.kind} className="home__group">
              <Text className="group-title">
                {group.title}（{group.centers.length}个）
              </Text>
              {group.centers.map((center) => (
                <CenterCard key={center.id} center={center} onOpen={openCenter} />
              ))}
            </View>
          ))
        : null}

      <DemoFooter />
    </View>
  );
}
