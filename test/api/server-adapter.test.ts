// The router's request handling on the local server: body parsing, cookies, query arrays,
// path params, body limit, 404 outside the API.
import { createAppServer, listen } from '../../server/http/server';
import { jsonBody } from '../../server/http/handler';
import { operation } from '../../server/http/operation';
import { setApp } from '../../server/app';
import { readConfig } from '../../server/config/config';
import type { Database } from '../../server/db/database';

const echo = operation({
  method: 'post', path: '/api/things/{id}', operationId: 'echo', tags: ['system'], summary: 'echo', description: 'echo', auth: 'none',
  ok: { status: 201, description: 'echo', schema: null }, errors: {},
  handle: async ({ req }) => ({ status: 201, body: { body: jsonBody(req), query: req.query, cookies: req.cookies } }),
});

let url: string;
let close: () => void;

beforeAll(async () => {
  setApp({ config: readConfig({}), db: {} as Database });
  const server = createAppServer({ operations: [echo], maxBodyBytes: 10_000 });
  url = `http://127.0.0.1:${await listen(server, 0, '127.0.0.1')}`;
  close = () => {
    server.close();
    server.closeAllConnections();
  };
});
afterAll(() => close());

const post = (path: string, body: string, headers: Record<string, string> = { 'Content-Type': 'application/json' }) =>
  fetch(url + path, { method: 'POST', body, headers }).then(async (r) => ({ status: r.status, body: (await r.json()) as Record<string, any> }));

describe('local server (the router on Node)', () => {
  it('passes JSON body, query (with repeats), dynamic segment and cookies', async () => {
    const res = await post('/api/things/42?a=1&b=x&b=y', '{"n":1}', { 'Content-Type': 'application/json; charset=utf-8', Cookie: 'sid=abc; lang=zh%20CN' });
    expect(res).toEqual({ status: 201, body: { body: { n: 1 }, query: { a: '1', b: ['x', 'y'], id: '42' }, cookies: { sid: 'abc', lang: 'zh CN' } } });
  });

  it('answers malformed JSON with 400 BAD_JSON', async () => {
    const res = await post('/api/things/1', '{"n":');
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('BAD_JSON');
  });

  it('answers a body that is not JSON with 415', async () => {
    const res = await post('/api/things/1', 'n=1', { 'Content-Type': 'application/x-www-form-urlencoded' });
    expect(res.status).toBe(415);
  });

  it('limits the body size even without a Content-Length', async () => {
    const stream = new ReadableStream({
      start(c) {
        c.enqueue(new TextEncoder().encode('"' + 'x'.repeat(20_000) + '"'));
        c.close();
      },
    });
    const res = await fetch(`${url}/api/things/1`, { method: 'POST', body: stream, headers: { 'Content-Type': 'application/json' }, duplex: 'half' } as RequestInit);
    expect(res.status).toBe(413);
  });

  it('serves a JSON 404 outside the API when no H5 build is mounted', async () => {
    const res = await fetch(`${url}/whatever`);
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('NOT_FOUND');
  });
});
