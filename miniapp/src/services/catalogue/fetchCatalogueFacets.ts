import type { CatalogueFacets } from '@contract/catalogue';
import { mapFetched } from '@/lib/fetched';
import { getJsonOrSaved, type Fetched } from '@/platform/request';

/** GET /api/catalogue/facets — categories and departments with item counts (of one centre if given); the saved copy when offline. */
export async function fetchCatalogueFacets(center?: string): Promise<Fetched<CatalogueFacets>> {
  const fetched = await getJsonOrSaved<CatalogueFacets>('/api/catalogue/facets', { center });
  return mapFetched(fetched, (facets) => ({
    categories: Array.isArray(facets.categories) ? facets.categories : [],
    departments: Array.isArray(facets.departments) ? facets.departments : [],
  }));
}
