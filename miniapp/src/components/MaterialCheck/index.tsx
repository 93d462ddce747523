import { Text, View } from '@tarojs/components';
import type { Material } from '@contract/catalogue';
import type { ReactNode } from 'react';
import { Badge } from '@/components/Badge';
import { materialFormLine, requirementLabel } from '@/lib/materialText';
import './index.css';

interface Props {
  material: Material;
  have: boolean;
  onToggle: () => void;
}

/** One material of the checklist as a big tick box: tap anywhere on it for "我有了". */
export function MaterialCheck({ material, have, onToggle }: Props): ReactNode {
  const required = material.requirement === 'required';
  return (
    <View
      className={`material material-check${have ? ' material-check--have' : ''}`}
      hoverClass="material-check--pressed"
      ariaRole="checkbox"
      ariaLabel={`${material.name}，${have ? '我有了' : '还没有'}`}
      onClick={onToggle}
    >
      <View className="material-check__box">
        <Text className="material-check__mark">{have ? '✓' : ''}</Text>
      </View>
      <View className="material-check__main">
        <Text className="material__name">{material.name}</Text>
        <View className="material__meta">
          <Badge tone={required ? 'danger' : 'warning'}>{required ? requirementLabel('required') : '您选了“是”'}</Badge>
          <Text className="material__form">{materialFormLine(material)}</Text>
        </View>
        {material.notes ? <Text className="material__notes">说明：{material.notes}</Text> : null}
        <Text className="material-check__state">{have ? '✓ 我有了' : '备好了就点一下'}</Text>
      </View>
    </View>
  );
}
