import type { ItemCategory } from '@contract/catalogue';
import { withQuery } from './query';

/** What the catalogue page can be opened with (all optional). */
export interface CatalogueFilter {
  q?: string;
  category?: ItemCategory | '';
  /** department code */
  department?: string;
  /** centre id */
  center?: string;
}

/** Page URLs in one place, so a rename touches one file. */
export const routes = {
  home: (): string => '/pages/index/index',
  center: (id: string): string => withQuery('/pages/center/index', { id }),
  catalogue: (filter: CatalogueFilter = {}): string =>
    withQuery('/pages/catalogue/index', {
      q: filter.q,
      category: filter.category,
      department: filter.department,
      center: filter.center,
    }),
  item: (id: string): string => withQuery('/pages/item/index', { id }),
};
