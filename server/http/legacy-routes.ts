// Transitional: api/** files not yet moved to an operation, mounted by Vercel's routing rules
// beside the router. Goes once every route is an operation.
import { readdirSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import type { VercelRequest, VercelResponse } from '@vercel/node';
import { apiError } from '../core/errors';
import { sendError } from './handler';
import { logError } from '../core/log';
import { matchRoute, routeFromFile, type RouteEntry, sortRoutes } from './routes';
import { toVercelRequest, toVercelResponse } from './vercel-adapter';

export type VercelHandler = ((req: VercelRequest, res: VercelResponse) => unknown) & {
  /** a route's own body limit (route({...}, { maxBodyBytes })), above the server's default */
  maxBodyBytes?: number;
};

export interface LegacyRoute extends RouteEntry {
  handler: VercelHandler;
}

export const API_DIR = path.resolve(__dirname, '../../api');

/** Every route file under api/ (sorted for matching), not loaded. */
export function legacyRouteFiles(apiDir = API_DIR): RouteEntry[] {
  const files = listFiles(apiDir).filter((f) => /\.(ts|js)$/.test(f) && !f.endsWith('.d.ts') && !/\.test\.(ts|js)$/.test(f) && f !== 'index.ts');
  return sortRoutes(files.map(routeFromFile).filter((r): r is RouteEntry => r !== null));
}

/**
 * The paths of the route files without a [param] or catch-all segment. Such a file answers its
 * exact path before an operation with a parameter there: GET /api/bookings/verify is the
 * file's, not GET /api/bookings/{id}'s, until it is an operation too.
 */
export function exactLegacyPaths(routes: RouteEntry[]): Set<string> {
  const exact = routes.filter((r) => r.segments.length > 0 && r.segments.every((s) => s.kind === 'static'));
  return new Set(exact.map((r) => `/api/${r.segments.map((s) => (s.kind === 'static' ? s.value : '')).join('/')}`));
}

/** Find and load every handler under api/ (sorted for matching). */
export function loadApiRoutes(apiDir = API_DIR): LegacyRoute[] {
  return legacyRouteFiles(apiDir).map((entry) => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require(path.join(apiDir, entry.file)) as { default?: VercelHandler };
    if (typeof mod.default !== 'function') throw new Error(`api/${entry.file} has no default export handler`);
    return { ...entry, handler: mod.default };
  });
}

function listFiles(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? listFiles(path.join(dir, d.name), `${prefix}${d.name}/`) : [`${prefix}${d.name}`],
  );
}

/** Serve a request with a legacy api/ file when one matches; false when none does. */
export function serveLegacy(routes: LegacyRoute[], req: IncomingMessage, res: ServerResponse, maxBodyBytes: number): boolean {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const match = matchRoute(routes, url.pathname.slice('/api'.length));
  if (!match || match.route.segments.some((s) => s.kind === 'rest')) return false;
  const acceptsGzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
  const vres = toVercelResponse(res, acceptsGzip);
  const limit = (match.route as LegacyRoute).handler.maxBodyBytes ?? maxBodyBytes;
  readBody(req, limit)
    .then(async (body) => {
      if (body === null) {
        res.setHeader('Connection', 'close');
        return sendError(vres, apiError('PAYLOAD_TOO_LARGE'), `${req.method} ${url.pathname}`);
      }
      const vreq = toVercelRequest(req, url, match.route.segments.length ? match.params : {}, body);
      await (match.route as LegacyRoute).handler(vreq, vres);
    })
    .catch((error) => {
      logError(`${req.method} ${req.url}`, error);
      if (!res.headersSent) sendError(vres, error, `${req.method} ${req.url}`);
      else res.end();
    });
  return true;
}

/** The whole body, or null when it is larger than the limit. */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) {
    req.resume();
    return Promise.resolve(null);
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(tooLarge ? null : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

