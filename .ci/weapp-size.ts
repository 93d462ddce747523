// Sizes of the compiled WeChat package (dist/): the main package and each subpackage.
// Fails when the main package is over budget. WeChat's own limit is 2 MB per package.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const dist = path.resolve(__dirname, '../dist');
const arg = process.argv.indexOf('--max-main-kb');
const maxMainKb = arg > 0 ? Number(process.argv[arg + 1]) : 2048;

const app = JSON.parse(readFileSync(path.join(dist, 'app.json'), 'utf8')) as {
  subPackages?: { root: string }[];
  subpackages?: { root: string }[];
};
const subRoots = (app.subPackages ?? app.subpackages ?? []).map((s) => s.root.replace(/\/$/, ''));

function size(dir: string, skip: string[] = []): number {
  let total = 0;
  for (const d of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, d.name);
    const rel = path.relative(dist, p);
    if (skip.includes(rel) || d.name === 'project.config.json' || d.name.endsWith('.map')) continue;
    total += d.isDirectory() ? size(p, skip) : statSync(p).size;
  }
  return total;
}

const kb = (n: number) => (n / 1024).toFixed(1);
const main = size(dist, subRoots);
console.log(`weapp main package: ${kb(main)} KB (budget ${maxMainKb} KB)`);
for (const root of subRoots) console.log(`weapp subpackage ${root}: ${kb(size(path.join(dist, root)))} KB`);
if (main > maxMainKb * 1024) {
  console.error(`FAIL: the main package is over its ${maxMainKb} KB budget`);
  process.exit(1);
}
