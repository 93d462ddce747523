import { withQuery } from '@/lib/query';

/** Pages of 目录管理 (county admins) in the manage subpackage. */
export const catalogueRoutes = {
  list: (): string => '/manage/pages/catalogue/index',
  item: (id?: string): string => withQuery('/manage/pages/catalogue-item/index', { id }),
  import: (): string => '/manage/pages/catalogue-import/index',
};
