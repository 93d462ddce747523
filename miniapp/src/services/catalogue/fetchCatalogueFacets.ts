import type { CatalogueFacets } from '@contract/catalogue';
import { getJson } from '@/platform/request';

/** GET /api/catalogue/facets — categories and departments with item counts (of one centre if given). */
export async function fetchCatalogueFacets(center?: string): Promise<CatalogueFacets> {
  const facets = await getJson<CatalogueFacets>('/api/catalogue/facets', { center });
  return {
    categories: Array.isArray(facets.categories) ? facets.categories : [],
    departments: Array.isArray(facets.departments) ? facets.departments : [],
  };
}
