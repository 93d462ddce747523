import { withQuery } from '@/lib/query';

/** Pages of the manage subpackage (centre configuration). */
export const manageRoutes = {
  center: (id?: string): string => withQuery('/manage/pages/center/index', { id }),
  capacity: (id: string): string => withQuery('/manage/pages/capacity/index', { id }),
  closures: (id: string): string => withQuery('/manage/pages/closures/index', { id }),
  rules: (id: string): string => withQuery('/manage/pages/rules/index', { id }),
  onDuty: (id: string): string => withQuery('/manage/pages/on-duty/index', { id }),
  /** 好差评 of a centre (admins: the whole county without id) */
  ratings: (id?: string): string => withQuery('/manage/pages/ratings/index', { id }),
};
