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
  // the resident's booking journey (pages/book, pages/bookings, pages/booking, pages/login)
  book: (o: { itemId?: string; centerId?: string } = {}): string =>
    withQuery('/pages/book/index', { item: o.itemId, center: o.centerId }),
  bookings: (): string => '/pages/bookings/index',
  booking: (id: string): string => withQuery('/pages/booking/index', { id }),
  login: (back?: string): string => withQuery('/pages/login/index', { back }),
  settings: (): string => '/pages/settings/index',
};
