// The API over HTTP on 127.0.0.1, mounted exactly as `npm start` mounts it.
import { setApp } from '../../server/app';
import { readConfig } from '../../server/config/config';
import type { Database } from '../../server/db/database';
import { createAppServer, listen, loadApiRoutes } from '../../server/http/server';

export interface RunningApi {
  url: string;
  get<T = unknown>(path: string, init?: RequestInit): Promise<{ status: number; body: T; headers: Headers }>;
  close(): Promise<void>;
}

export async function startApi(db: Database, env: Record<string, string> = {}): Promise<RunningApi> {
  const config = readConfig({ APP_MODE: 'development', ...env });
  setApp({ config, db });
  const server = createAppServer({ routes: loadApiRoutes(), maxBodyBytes: config.maxBodyBytes });
  const port = await listen(server, 0, '127.0.0.1');
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    async get<T>(path: string, init?: RequestInit) {
      const res = await fetch(url + path, init);
      const text = await res.text();
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {
        // leave non-JSON as text: tests assert on it
      }
      return { status: res.status, body: body as T, headers: res.headers };
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
