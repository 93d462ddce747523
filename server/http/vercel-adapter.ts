// Gives Node's request/response the parts of Vercel's interface our handlers use
// (req.query, req.body, req.cookies, res.status().json(), res.send()), so the api/ files
// run unchanged on a plain Node server.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';
import type { VercelRequest, VercelResponse } from '@vercel/node';
import { parseBody, parseCookies } from './api-app';

export function toVercelRequest(
  req: IncomingMessage,
  url: URL,
  params: Record<string, string | string[]>,
  rawBody: Buffer,
): VercelRequest {
  const query: Record<string, string | string[]> = {};
  for (const key of new Set(url.searchParams.keys())) {
    const all = url.searchParams.getAll(key);
    query[key] = all.length === 1 ? all[0]! : all;
  }
  Object.assign(query, params);
  let parsed: { value: unknown } | undefined;
  Object.defineProperty(req, 'query', { value: query, enumerable: true });
  Object.defineProperty(req, 'cookies', { value: parseCookies(req.headers.cookie ?? ''), enumerable: true });
  Object.defineProperty(req, 'body', {
    enumerable: true,
    get() {
      parsed ??= { value: parseBody(req.headers['content-type'] ?? '', rawBody) };
      return parsed.value;
    },
  });
  return req as VercelRequest;
}

// JSON bigger than this is gzipped when the client accepts it (Vercel compresses too).
const GZIP_FROM_BYTES = 1024;

function isCompressible(contentType: string): boolean {
  return /^(text\/|application\/(json|javascript|xml))/i.test(contentType);
}

export function toVercelResponse(res: ServerResponse, acceptsGzip: boolean): VercelResponse {
  const r = res as VercelResponse;
  r.status = (code: number) => {
    res.statusCode = code;
    return r;
  };
  r.json = (body: unknown) => {
    if (!res.getHeader('Content-Type')) res.setHeader('Content-Type', 'application/json; charset=utf-8');
    const text = Buffer.from(JSON.stringify(body), 'utf8');
    if (acceptsGzip && text.length >= GZIP_FROM_BYTES) {
      res.setHeader('Content-Encoding', 'gzip');
      res.setHeader('Vary', 'Accept-Encoding');
      res.end(gzipSync(text));
    } else {
      res.end(text);
    }
    return r;
  };
  r.send = (body: unknown) => {
    if (typeof body === 'object' && body !== null && !Buffer.isBuffer(body)) return r.json(body);
    const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : (body as Buffer | undefined);
    // text files (a CSV export) compress well; zip-based ones (XLSX) are compressed already
    if (bytes && acceptsGzip && bytes.length >= GZIP_FROM_BYTES && isCompressible(String(res.getHeader('Content-Type') ?? ''))) {
      res.setHeader('Content-Encoding', 'gzip');
      res.setHeader('Vary', 'Accept-Encoding');
      res.end(gzipSync(bytes));
    } else {
      res.end(bytes);
    }
    return r;
  };
  r.redirect = ((a: number | string, b?: string) => {
    const [code, location] = typeof a === 'number' ? [a, b!] : [307, a];
    res.statusCode = code;
    res.setHeader('Location', location);
    res.end();
    return r;
  }) as VercelResponse['redirect'];
  return r;
}
