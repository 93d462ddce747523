import { Text, View } from '@tarojs/components';
import './index.css';

/** Shown at the foot of every page while the directory and catalogue are sample data. */
export function DemoFooter(): React.ReactNode {
  return (
    <View className="demo-footer">
      <Text className="demo-footer__text">
        演示数据：中心名录与事项目录为示例数据，请以当地便民服务中心公布为准
      </Text>
    </View>
  );
}
