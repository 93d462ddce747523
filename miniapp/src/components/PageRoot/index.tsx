import { View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { usePageClass } from '@/hooks/useElderMode';

export { usePageClass } from '@/hooks/useElderMode';

interface Props {
  /** the page's own class, e.g. "home" (PageRoot adds "page" and, in 长辈模式, "elder") */
  className: string;
  children: ReactNode;
}

/**
 * The root view of every page: carries the style variables (app.css), the `elder` class of
 * 长辈模式 and the `--font-scale` of WeChat's font setting. One line per page:
 * `<PageRoot className="home">…</PageRoot>` instead of `<View className="page home">…</View>`.
 */
export function PageRoot({ className, children }: Props): ReactNode {
  const root = usePageClass(className);
  return (
    <View className={root.className} style={root.style}>
      {children}
    </View>
  );
}
