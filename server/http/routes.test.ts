import { matchRoute, routeFromFile, sortRoutes, type RouteEntry } from './routes';

const files = ['health.ts', 'centers/index.ts', 'centers/[id].ts', 'items/index.ts', 'items/[id].ts', 'catalogue/facets.ts', '[...path].ts', '_lib/x.ts'];
const routes = sortRoutes(files.map(routeFromFile).filter((r): r is RouteEntry => r !== null));
const match = (p: string) => {
  const m = matchRoute(routes, p);
  return m && { file: m.route.file, params: m.params };
};

describe('Vercel routing of api/**', () => {
  it('ignores files under an underscore folder', () => {
    expect(routes.map((r) => r.file)).not.toContain('_lib/x.ts');
  });

  it('maps index files and plain files', () => {
    expect(match('centers')).toEqual({ file: 'centers/index.ts', params: {} });
    expect(match('health')).toEqual({ file: 'health.ts', params: {} });
  });

  it('prefers a static segment over a dynamic one', () => {
    expect(match('catalogue/facets')?.file).toBe('catalogue/facets.ts');
  });

  it('fills dynamic segments, decoded', () => {
    expect(match('items/%E4%BD%A0')).toEqual({ file: 'items/[id].ts', params: { id: '你' } });
  });

  it('sends anything else to the catch-all', () => {
    expect(match('items/a/b')).toEqual({ file: '[...path].ts', params: { path: ['items', 'a', 'b'] } });
    expect(match('nope')).toEqual({ file: '[...path].ts', params: { path: ['nope'] } });
  });

  it('does not match /api itself without an index', () => {
    expect(match('')).toBeNull();
  });
});
