// Vercel's file-system routing for api/**, as a pure function: the local server uses it to
// mount the same handler files Vercel deploys.
//   api/health.ts → /api/health        api/centers/index.ts → /api/centers
//   api/items/[id].ts → /api/items/:id  api/[...path].ts → any other /api/...
// Files and folders starting with _ or . are not routes (Vercel's rule).

export interface RouteEntry {
  file: string;
  segments: Segment[];
}

type Segment = { kind: 'static'; value: string } | { kind: 'param'; name: string } | { kind: 'rest'; name: string };

export function routeFromFile(relativeFile: string): RouteEntry | null {
  const parts = relativeFile.replace(/\\/g, '/').replace(/\.(ts|js)$/, '').split('/');
  if (parts.some((p) => p.startsWith('_') || p.startsWith('.'))) return null;
  if (parts[parts.length - 1] === 'index') parts.pop();
  const segments: Segment[] = parts.map((p) => {
    const rest = /^\[\.\.\.(\w+)\]$/.exec(p);
    if (rest) return { kind: 'rest', name: rest[1]! };
    const param = /^\[(\w+)\]$/.exec(p);
    if (param) return { kind: 'param', name: param[1]! };
    return { kind: 'static', value: p };
  });
  return { file: relativeFile, segments };
}

/** Static beats dynamic beats catch-all, segment by segment. */
export function sortRoutes(routes: RouteEntry[]): RouteEntry[] {
  const weight = (s: Segment) => (s.kind === 'static' ? 0 : s.kind === 'param' ? 1 : 2);
  return [...routes].sort((a, b) => {
    for (let i = 0; i < Math.max(a.segments.length, b.segments.length); i++) {
      const sa = a.segments[i];
      const sb = b.segments[i];
      if (!sa || !sb) return sa ? 1 : -1;
      const d = weight(sa) - weight(sb);
      if (d !== 0) return d;
    }
    return 0;
  });
}

/** Match a path below /api (e.g. "items/abc") against sorted routes; returns the path params. */
export function matchRoute(
  routes: RouteEntry[],
  apiPath: string,
): { route: RouteEntry; params: Record<string, string | string[]> } | null {
  const parts = apiPath.split('/').filter(Boolean).map(safeDecode);
  for (const route of routes) {
    const params: Record<string, string | string[]> = {};
    let ok = true;
    let i = 0;
    for (const seg of route.segments) {
      if (seg.kind === 'rest') {
        if (i >= parts.length) ok = false;
        else params[seg.name] = parts.slice(i);
        i = parts.length;
        break;
      }
      const part = parts[i++];
      if (part === undefined) { ok = false; break; }
      if (seg.kind === 'static' && seg.value !== part) { ok = false; break; }
      if (seg.kind === 'param') params[seg.name] = part;
    }
    if (ok && i === parts.length) return { route, params };
  }
  return null;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
