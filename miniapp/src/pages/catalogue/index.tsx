import { Picker, Text, View } from '@tarojs/components';
import type { BundleSummary, CatalogueFacets, ItemCategory } from '@contract/catalogue';
import { useState, type ReactNode } from 'react';
import { BigButton } from '@/components/BigButton';
import { BundleCard } from '@/components/BundleCard';
import { Chip } from '@/components/Chip';
import { DemoFooter } from '@/components/DemoFooter';
import { ItemCard } from '@/components/ItemCard';
import { LoadMore } from '@/components/LoadMore';
import { OfflineBanner } from '@/components/OfflineBanner';
import { PageRoot } from '@/components/PageRoot';
import { SearchField } from '@/components/SearchField';
import { EmptyBlock, ErrorBlock, LoadingBlock } from '@/components/StatusBlock';
import { useElderMode } from '@/hooks/useElderMode';
import { useFetched } from '@/hooks/useFetched';
import { usePagedList } from '@/hooks/usePagedList';
import {
  categoryChoices,
  choiceIndex,
  departmentChoices,
  departmentName,
  hasNarrowing,
  parseCategory,
  resultCountText,
} from '@/lib/catalogueFilter';
import { olderSavedAt } from '@/lib/fetched';
import { urlOf } from '@/lib/routes';
import { normalizeSearchText } from '@/lib/searchText';
import { openPage } from '@/platform/navigation';
import { usePageParams } from '@/platform/page';
import { fetchCatalogueFacets } from '@/services/catalogue/fetchCatalogueFacets';
import { fetchCenter } from '@/services/catalogue/fetchCenter';
import { fetchItems } from '@/services/catalogue/fetchItems';
import './index.css';

export default function CataloguePage(): ReactNode {
  const params = usePageParams('catalogue');
  const initialQ = normalizeSearchText(params.q);
  const initialCategory = parseCategory(params.category);
  const initialDepartment = params.department;
  const [center, setCenter] = useState(params.center);
  const [q, setQ] = useState(initialQ);
  const [category, setCategory] = useState<ItemCategory | ''>(initialCategory);
  const [department, setDepartment] = useState(initialDepartment);
  const filter = { q, category, department, center };

  const facets = useFetched(() => fetchCatalogueFacets(center || undefined), [center]);
  // bundles and "sounds like" come with a search's first page; kept with the words they answer
  const [extras, setExtras] = useState<{ q: string; bundles: BundleSummary[]; soundsLike: boolean }>({ q: '', bundles: [], soundsLike: false });
  const list = usePagedList(
    async (offset) => {
      const fetched = await fetchItems({ q, category, department, center, offset });
      if (offset === 0) setExtras({ q, bundles: fetched.data.bundles, soundsLike: fetched.data.soundsLike });
      return fetched;
    },
    [q, category, department, center],
  );
  const bundles = extras.q === q ? extras.bundles : [];
  const soundsLike = extras.q === q && extras.soundsLike;
  const { state } = list;

  const clearNarrowing = (): void => {
    setQ('');
    setCategory('');
    setDepartment('');
  };

  const retryAll = (): void => {
    facets.retry();
    list.reload();
  };

  return (
    <PageRoot className="catalogue">
      <OfflineBanner savedAt={olderSavedAt(facets.savedAt, state.savedAt)} onRetry={retryAll} />
      <SearchField placeholder="如：低保、医保" value={q} onSearch={setQ} />

      {center ? <CenterScope centerId={center} onClear={() => setCenter('')} /> : null}

      {facets.state.status === 'ready' ? (
        <Filters
          facets={facets.state.data}
          category={category}
          department={department}
          onCategory={setCategory}
          onDepartment={setDepartment}
        />
      ) : null}
      {facets.state.status === 'error' ? (
        <View className="catalogue__facets-error">
          <Text className="text-muted">分类没能加载：{facets.state.error.message}</Text>
          <BigButton kind="secondary" onClick={facets.retry}>
            重试
          </BigButton>
        </View>
      ) : null}

      <View className="catalogue__results">
        {bundles.length > 0 ? (
          <View className="catalogue__bundles">
            {bundles.map((b) => (
              <BundleCard key={b.id} bundle={b} onOpen={(id) => void openPage(urlOf('bundle', { id }))} />
            ))}
          </View>
        ) : null}
        {soundsLike && state.rows.length > 0 ? (
          <Text className="catalogue__sounds-like">没有找到“{q}”，下面是读音相近的事项，看看是不是您要办的。</Text>
        ) : null}
        {state.rows.length > 0 ? (
          <Text className="catalogue__count">
            {hasNarrowing(filter) ? resultCountText(state.total, filter) : `大家常办的事（共${state.total}项）`}
          </Text>
        ) : null}
        {state.rows.length === 0 && (state.status === 'loading' || state.status === 'more') ? (
          <LoadingBlock text="正在查找…" />
        ) : null}
        {state.rows.length === 0 && state.status === 'error' && state.error ? (
          <ErrorBlock message={state.error.message} onRetry={list.retry} />
        ) : null}
        {state.rows.length === 0 && state.status === 'ready' ? (
          <EmptyBlock
            title="没有找到相关事项"
            hint="换个说法试试，比如“低保”“医保”“户口”。也可以打电话问服务中心。"
            actionText={hasNarrowing(filter) ? '清除条件，看全部事项' : undefined}
            onAction={hasNarrowing(filter) ? clearNarrowing : undefined}
          />
        ) : null}
        {state.rows.length > 0 ? (
          <View className="catalogue__list">
            {state.rows.map((item) => (
              <ItemCard key={item.id} item={item} onOpen={(id) => void openPage(urlOf('item', { id }))} />
            ))}
            <LoadMore list={list} />
          </View>
        ) : null}
      </View>

      <DemoFooter />
    </PageRoot>
  );
}

interface FiltersProps {
  facets: CatalogueFacets;
  category: ItemCategory | '';
  department: string;
  onCategory: (category: ItemCategory | '') => void;
  onDepartment: (code: string) => void;
}

function Filters({ facets, category, department, onCategory, onDepartment }: FiltersProps): ReactNode {
  const { elder } = useElderMode();
  const [open, setOpen] = useState(false);
  const departments = departmentChoices(facets.departments);
  if (elder) {
    // 长辈模式: the filters fold away (fewer things per screen) and use no pop-up picker
    const narrowed = category !== '' || department !== '';
    return (
      <View className="catalogue__filters">
        <BigButton kind="secondary" onClick={() => setOpen(!open)}>
          {open ? '收起分类' : narrowed ? '按分类找（已选）' : '按分类或部门找'}
        </BigButton>
        {open ? (
          <View>
            <Text className="catalogue__label">事项类别</Text>
            <View className="catalogue__chips">
              {categoryChoices(facets.categories).map((choice) => (
                <Chip
                  key={choice.value || 'all'}
                  label={choice.label}
                  selected={choice.value === category}
                  onClick={() => onCategory(choice.value)}
                />
              ))}
            </View>
            {departments.length > 1 ? <Text className="catalogue__label">办理部门</Text> : null}
            {departments.length > 1 ? (
              <View className="catalogue__chips">
                {departments.map((choice) => (
                  <Chip
                    key={choice.value || 'all'}
                    label={choice.value === '' ? choice.label : departmentName(facets.departments, choice.value)}
                    selected={choice.value === department}
                    onClick={() => onDepartment(choice.value)}
                  />
                ))}
              </View>
            ) : null}
          </View>
        ) : null}
      </View>
    );
  }
  return (
    <View className="catalogue__filters">
      <Text className="catalogue__label">事项类别</Text>
      <View className="catalogue__chips">
        {categoryChoices(facets.categories).map((choice) => (
          <Chip
            key={choice.value || 'all'}
            label={choice.label}
            count={choice.count}
            selected={choice.value === category}
            onClick={() => onCategory(choice.value)}
          />
        ))}
      </View>
      {departments.length > 1 ? (
        <View>
          <Text className="catalogue__label">办理部门</Text>
          <Picker
            mode="selector"
            range={departments.map((d) => d.label)}
            value={choiceIndex(departments, department)}
            onChange={(e) => onDepartment(departments[Number(e.detail.value)]?.value ?? '')}
          >
            <View className="catalogue__picker" ariaRole="button">
              <Text>{departmentName(facets.departments, department)}</Text>
              <Text className="catalogue__picker-arrow">▾ 选择</Text>
            </View>
          </Picker>
        </View>
      ) : null}
    </View>
  );
}

/** "只看：XX中心" with a way back to the whole catalogue. */
function CenterScope({ centerId, onClear }: { centerId: string; onClear: () => void }): ReactNode {
  const { state } = useFetched(() => fetchCenter(centerId), [centerId]);
  const name = state.status === 'ready' ? state.data.name : '这个服务中心';
  return (
    <View className="catalogue__scope">
      <Text className="catalogue__scope-text">只看{name}能办的事</Text>
      <View className="catalogue__scope-clear" hoverClass="chip--pressed" ariaRole="button" onClick={onClear}>
        <Text>看全部</Text>
      </View>
    </View>
  );
}
