// Serves the H5 build (one folder) with gzip and sensible caching: hashed assets forever,
// index.html never, so a new build reaches phones at once.
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'application/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.svg', '.txt']);

export function staticFiles(root: string) {
  const base = path.resolve(root);
  const gzipCache = new Map<string, { mtime: number; data: Buffer }>();

  return function serve(req: IncomingMessage, res: ServerResponse, pathname: string): boolean {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    let rel: string;
    try {
      rel = decodeURIComponent(pathname);
    } catch {
      return false;
    }
    if (rel === '/' || rel === '') rel = '/index.html';
    const file = path.resolve(base, '.' + rel);
    if (!file.startsWith(base + path.sep) || !existsSync(file) || !statSync(file).isFile()) return false;

    const ext = path.extname(file).toLowerCase();
    const stat = statSync(file);
    res.setHeader('Content-Type', TYPES[ext] ?? 'application/octet-stream');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Cache-Control', ext === '.html' ? 'no-cache' : 'public, max-age=31536000, immutable');
    const wantsGzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    if (wantsGzip && COMPRESSIBLE.has(ext)) {
      let cached = gzipCache.get(file);
      if (!cached || cached.mtime !== stat.mtimeMs) {
        cached = { mtime: stat.mtimeMs, data: gzipSync(readFileSync(file), { level: 9 }) };
        gzipCache.set(file, cached);
      }
      res.setHeader('Content-Encoding', 'gzip');
      res.setHeader('Vary', 'Accept-Encoding');
      res.setHeader('Content-Length', cached.data.length);
      res.end(req.method === 'HEAD' ? undefined : cached.data);
      return true;
    }
    res.setHeader('Content-Length', stat.size);
    if (req.method === 'HEAD') res.end();
    else createReadStream(file).pipe(res);
    return true;
  };
}
