import { Text, View } from '@tarojs/components';
import type { Material } from '@contract/catalogue';
import type { ReactNode } from 'react';
import { materialFormLine, sortMaterials } from '@/lib/materialText';
import './index.css';

interface Props {
  materials: readonly Material[];
  /** opens the item's guide, where the "看情况" materials are explained */
  onOpenGuide: () => void;
}

/** The materials that must be brought, numbered, in plain words; the conditional ones by count. */
export function MaterialsToBring({ materials, onOpenGuide }: Props): ReactNode {
  const required = sortMaterials(materials).filter((m) => m.requirement === 'required');
  const conditional = materials.length - required.length;
  return (
    <View className="materials-to-bring">
      {required.length === 0 ? <Text className="text-block">这件事不用带材料，带上身份证就行。</Text> : null}
      {required.map((m, index) => (
        <View key={m.id} className="materials-to-bring__line">
          <Text className="materials-to-bring__name">
            {index + 1}. {m.name}
          </Text>
          <Text className="materials-to-bring__form">{materialFormLine(m)}</Text>
        </View>
      ))}
      {conditional > 0 ? (
        <View className="materials-to-bring__more">
          <Text className="text-muted">另有{conditional}样看情况要带，</Text>
          <View className="materials-to-bring__link" hoverClass="materials-to-bring__link--pressed" ariaRole="link" onClick={onOpenGuide}>
            <Text>看办事指南 ›</Text>
          </View>
        </View>
      ) : null}
    </View>
  );
}

/** "一定要带3样" for the section heading; '' when nothing is required. */
export function requiredCountNote(materials: readonly Material[]): string {
  const n = materials.filter((m) => m.requirement === 'required').length;
  return n > 0 ? `一定要带${n}样` : '';
}
