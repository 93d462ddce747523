// A plain Node HTTP server around the one router (./api-app), plus the H5 build when given.
// Used by `npm start` (development) and `npm run serve` (self-hosting on a mainland server);
// Vercel runs the same router through api/index.ts.
import { createServer, type Server } from 'node:http';
import { getRequestListener } from '@hono/node-server';
import { createApiApp } from './api-app';
import type { Operation } from './operation';
import { OPERATIONS } from './operations';
import { staticFiles } from './static-files';

export interface ServerOptions {
  /** the API's operations (default: all of them) */
  operations?: readonly Operation[];
  /** folder of the H5 build to serve at / (optional) */
  staticDir?: string;
  maxBodyBytes: number;
}

export function createAppServer(options: ServerOptions): Server {
  const operations = options.operations ?? OPERATIONS;
  const api = getRequestListener(createApiApp(operations, { maxBodyBytes: options.maxBodyBytes }).fetch);
  const serveStatic = options.staticDir ? staticFiles(options.staticDir) : undefined;
  return createServer((req, res) => {
    const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
    res.setHeader('X-Content-Type-Options', 'nosniff');
    const isApi = pathname === '/api' || pathname.startsWith('/api/');
    if (!isApi && serveStatic?.(req, res, pathname)) return;
    // everything else, the API and unknown paths alike: the router (a JSON 404 for those)
    void api(req, res);
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
