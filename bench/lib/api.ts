// Starts bench/lib/api-process.ts as a child process and talks HTTP/1.1 to it over keep-alive
// connections on 127.0.0.1.
import { fork } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';

export interface ApiResponse<T = any> {
  status: number;
  body: T;
}

export interface ApiClient {
  url: string;
  pid: number;
  poolSize: number;
  request<T = any>(method: string, path: string, o?: { token?: string; body?: unknown; idempotencyKey?: string }): Promise<ApiResponse<T>>;
  login(login: string): Promise<{ token: string; userId: string }>;
  close(): Promise<void>;
}

export async function startApiProcess(o: { databaseUrl: string; now: Date; poolSize: number; maxSockets?: number; maxSeconds?: number }): Promise<ApiClient> {
  const child = fork(path.join(__dirname, 'api-process.ts'), [], {
    execArgv: ['--import', 'tsx'],
    env: {
      ...process.env,
      DATABASE_URL: o.databaseUrl,
      DATABASE_POOL_SIZE: String(o.poolSize),
      BENCH_NOW: o.now.toISOString(),
      BENCH_API_MAX_SECONDS: String(o.maxSeconds ?? 600),
    },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const started = await new Promise<{ port: number; poolSize: number }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('API process did not start within 60 s')), 60_000);
    child.once('message', (m) => {
      clearTimeout(timer);
      resolve(m as { port: number; poolSize: number });
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`API process exited with ${code}`));
    });
  });
  const agent = new http.Agent({ keepAlive: true, maxSockets: o.maxSockets ?? 256 });
  const url = `http://127.0.0.1:${started.port}`;

  function request<T>(method: string, p: string, r: { token?: string; body?: unknown; idempotencyKey?: string } = {}): Promise<ApiResponse<T>> {
    const payload = r.body === undefined ? undefined : Buffer.from(JSON.stringify(r.body));
    const headers: Record<string, string | number> = { 'Accept-Encoding': 'gzip' };
    if (r.token) headers.Authorization = `Bearer ${r.token}`;
    if (r.idempotencyKey) headers['Idempotency-Key'] = r.idempotencyKey;
    if (payload) {
      headers['Content-Type'] = 'application/json';
      headers['Content-Length'] = payload.length;
    }
    return new Promise((resolve, reject) => {
      const req = http.request({ host: '127.0.0.1', port: started.port, method, path: p, headers, agent, timeout: 60_000 }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          try {
            let raw = Buffer.concat(chunks);
            if (res.headers['content-encoding'] === 'gzip') raw = gunzipSync(raw);
            const text = raw.toString('utf8');
            resolve({ status: res.statusCode ?? 0, body: (text ? JSON.parse(text) : null) as T });
          } catch (error) {
            reject(error);
          }
        });
        res.on('error', reject);
      });
      req.on('timeout', () => req.destroy(new Error(`${method} ${p}: no answer within 60 s`)));
      req.on('error', reject);
      req.end(payload);
    });
  }

  return {
    url,
    pid: child.pid!,
    poolSize: started.poolSize,
    request,
    async login(login: string) {
      const res = await request<{ token: string; account: { id: string } }>('POST', '/api/auth/dev-login', { body: { login } });
      if (res.status !== 200) throw new Error(`dev-login ${login}: ${res.status} ${JSON.stringify(res.body)}`);
      return { token: res.body.token, userId: res.body.account.id };
    },
    close: () =>
      new Promise<void>((resolve) => {
        agent.destroy();
        if (child.exitCode !== null) return resolve();
        const timer = setTimeout(() => {
          child.kill('SIGKILL');
        }, 5_000);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}
