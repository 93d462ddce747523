// A plain Node HTTP server that mounts every api/** handler by Vercel's routing rules and,
// optionally, serves the H5 build. Used by `npm start` (development) and by `npm run serve`
// (self-hosting on a mainland server); Vercel itself does not use it.
import { readdirSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import path from 'node:path';
import type { VercelRequest, VercelResponse } from '@vercel/node';
import { apiError } from './errors';
import { sendError } from './handler';
import { logError } from './log';
import { matchRoute, routeFromFile, type RouteEntry, sortRoutes } from './routes';
import { staticFiles } from './static-files';
import { toVercelRequest, toVercelResponse } from './vercel-adapter';

export type VercelHandler = ((req: VercelRequest, res: VercelResponse) => unknown) & {
  /** a route's own body limit (route({...}, { maxBodyBytes })), above the server's default */
  maxBodyBytes?: number;
};

export interface MountedRoute extends RouteEntry {
  handler: VercelHandler;
}

export const API_DIR = path.resolve(__dirname, '../../api');

/** Find and load every handler under api/ (sorted for matching). */
export function loadApiRoutes(apiDir = API_DIR): MountedRoute[] {
  const files = listFiles(apiDir).filter((f) => /\.(ts|js)$/.test(f) && !f.endsWith('.d.ts') && !/\.test\.(ts|js)$/.test(f));
  const entries = files.map(routeFromFile).filter((r): r is RouteEntry => r !== null);
  return sortRoutes(entries).map((entry) => {
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

export interface ServerOptions {
  routes: MountedRoute[];
  /** folder of the H5 build to serve at / (optional) */
  staticDir?: string;
  maxBodyBytes: number;
}

export function createAppServer(options: ServerOptions): Server {
  const serveStatic = options.staticDir ? staticFiles(options.staticDir) : undefined;
  return createServer((req, res) => {
    handleRequest(req, res, options, serveStatic).catch((error) => {
      logError(`${req.method} ${req.url}`, error);
      if (!res.headersSent) sendError(toVercelResponse(res, false), error, `${req.method} ${req.url}`);
      else res.end();
    });
  });
}

async function handleRequest(
  req: IncomingMessage,
  res: ServerResponse,
  options: ServerOptions,
  serveStatic: ReturnType<typeof staticFiles> | undefined,
): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const acceptsGzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
  const vres = toVercelResponse(res, acceptsGzip);
  res.setHeader('X-Content-Type-Options', 'nosniff');

  if (url.pathname === '/api' || url.pathname.startsWith('/api/')) {
    const match = matchRoute(options.routes, url.pathname.slice('/api'.length));
    if (!match) return sendError(vres, apiError('NOT_FOUND'), `${req.method} ${url.pathname}`);
    const limit = (match.route as MountedRoute).handler.maxBodyBytes ?? options.maxBodyBytes;
    const body = await readBody(req, limit);
    if (body === null) {
      res.setHeader('Connection', 'close');
      return sendError(vres, apiError('PAYLOAD_TOO_LARGE'), `${req.method} ${url.pathname}`);
    }
    const vreq = toVercelRequest(req, url, match.route.segments.length ? match.params : {}, body);
    await (match.route as MountedRoute).handler(vreq, vres);
    return;
  }
  if (serveStatic?.(req, res, url.pathname)) return;
  sendError(vres, apiError('NOT_FOUND'), `${req.method} ${url.pathname}`);
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

/** Listen and resolve with the actual port (0 = any free port). */
export function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    });
  });
}
