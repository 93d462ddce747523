import { Image, Text, View } from '@tarojs/components';
import type { OnDutyStaff } from '@contract/center-config';
import type { ReactNode } from 'react';
import { apiBaseUrl } from '@/platform/request';
import './index.css';

/** 今日在岗: consented staff on duty today, with name, post and photo when there is one. */
export function OnDutyList({ staff }: { staff: OnDutyStaff[] }): ReactNode {
  return (
    <View className="on-duty">
      {staff.map((s) => (
        <View key={s.id} className="on-duty__person">
          {s.photoUrl ? (
            <Image className="on-duty__photo" src={`${apiBaseUrl()}${s.photoUrl}`} mode="aspectFill" ariaLabel={`${s.name}的照片`} />
          ) : (
            <View className="on-duty__photo on-duty__photo--none">
              <Text>{s.name.slice(0, 1)}</Text>
            </View>
          )}
          <View className="on-duty__text">
            <Text className="on-duty__name">{s.name}</Text>
            <Text className="on-duty__post">{s.post}</Text>
          </View>
        </View>
      ))}
    </View>
  );
}
