// Keeps the H5 build current for `npm start`: rebuild only when the mini-program's sources
// changed since the last build (a content hash, so a fresh clone or checkout is detected).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '../..');
export const H5_DIR = path.join(ROOT, 'dist-h5');
const STAMP = path.join(H5_DIR, '.source-hash');
const SOURCES = ['miniapp', 'server/contract', 'package-lock.json', 'tsconfig.json'];

export function sourceHash(): string {
  const hash = createHash('sha1');
  for (const entry of SOURCES) addToHash(hash, path.join(ROOT, entry));
  return hash.digest('hex');
}

function addToHash(hash: ReturnType<typeof createHash>, target: string): void {
  if (!existsSync(target)) return;
  const files = statSync(target).isFile()
    ? [target]
    : readdirSync(target, { withFileTypes: true, recursive: true })
        .filter((d) => d.isFile() && !/\.test\.tsx?$/.test(d.name))
        .map((d) => path.join(d.parentPath, d.name))
        .sort();
  for (const file of files) {
    if (file.includes(`${path.sep}node_modules${path.sep}`)) continue;
    hash.update(path.relative(ROOT, file));
    hash.update(readFileSync(file));
  }
}

/** Build the H5 app when it is missing or stale; returns whether it built. */
export function ensureH5Build(log: (line: string) => void): boolean {
  const wanted = sourceHash();
  if (existsSync(path.join(H5_DIR, 'index.html')) && existsSync(STAMP) && readFileSync(STAMP, 'utf8') === wanted) return false;
  log('正在构建 H5 页面（首次约需一两分钟）… building the H5 app');
  // a production build whatever the caller's NODE_ENV (jest sets 'test', which Taro's babel preset refuses)
  const result = spawnSync('npm', ['run', '--silent', 'build:h5'], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (result.status !== 0) throw new Error('H5 build failed: run `npm run build:h5` to see why');
  writeFileSync(STAMP, wanted);
  return true;
}
