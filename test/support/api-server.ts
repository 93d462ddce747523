// The API over HTTP on 127.0.0.1, mounted exactly as `npm start` mounts it. Every answer is
// checked against its operation's contract (./contract-check), so drift fails the test.
import { setApp } from '../../server/app';
import { readConfig } from '../../server/config/config';
import type { Database } from '../../server/db/database';
import { createAppServer, listen } from '../../server/http/server';
import { dispatchSettled } from '../../server/notifications/notifier';
import { checkAgainstContract } from './contract-check';

export interface ApiResponse<T> {
  status: number;
  body: T;
  headers: Headers;
}

export interface CallOptions {
  token?: string;
  /** JSON; a Buffer is sent as it is (application/octet-stream, a file upload) */
  body?: unknown;
  idempotencyKey?: string;
  headers?: Record<string, string>;
}

export interface RunningApi {
  url: string;
  get<T = unknown>(path: string, init?: RequestInit): Promise<ApiResponse<T>>;
  /** a JSON request with an optional bearer token and Idempotency-Key */
  call<T = any>(method: string, path: string, options?: CallOptions): Promise<ApiResponse<T>>;
  /** log in with the development login; returns the token */
  login(login: string): Promise<string>;
  close(): Promise<void>;
}

export async function startApi(
  db: Database,
  env: Record<string, string> = {},
  clock?: () => Date,
  staticDir?: string,
): Promise<RunningApi> {
  const config = readConfig({ APP_MODE: 'development', ...env });
  const app = { config, db, clock };
  setApp(app);
  const server = createAppServer({ staticDir, maxBodyBytes: config.maxBodyBytes });
  const port = await listen(server, 0, '127.0.0.1');
  const url = `http://127.0.0.1:${port}`;
  async function get<T>(path: string, init?: RequestInit): Promise<ApiResponse<T>> {
    const res = await fetch(url + path, init);
    const text = await res.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // leave non-JSON as text: tests assert on it
    }
    checkAgainstContract(init?.method ?? 'GET', path, res.status, res.headers, body);
    return { status: res.status, body: body as T, headers: res.headers };
  }
  async function call<T>(method: string, path: string, o: CallOptions = {}): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = { ...o.headers };
    if (o.token) headers.Authorization = `Bearer ${o.token}`;
    if (o.idempotencyKey) headers['Idempotency-Key'] = o.idempotencyKey;
    if (Buffer.isBuffer(o.body)) {
      headers['Content-Type'] ??= 'application/octet-stream';
      return get<T>(path, { method, headers, body: new Uint8Array(o.body) });
    }
    if (o.body !== undefined) headers['Content-Type'] = 'application/json';
    return get<T>(path, { method, headers, body: o.body === undefined ? undefined : JSON.stringify(o.body) });
  }
  return {
    url,
    get,
    call,
    async login(login: string) {
      const res = await call<{ token: string }>('POST', '/api/auth/dev-login', { body: { login } });
      if (res.status !== 200) throw new Error(`login ${login} failed: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body.token;
    },
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      // a change's background dispatch finishes before the test drops the database
      await dispatchSettled(app);
    },
  };
}
