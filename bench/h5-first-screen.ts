// First screen of the H5 build on an emulated slow 3G network (Chromium's network emulation),
// with the same page on an unthrottled network as the baseline in the same run; and the bytes
// transferred per screen. Runs against a fresh embedded database; needs Debian's Chromium.
//   npx tsx bench/h5-first-screen.ts
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ensureH5Build, H5_DIR } from '../server/dev/h5-build';
import { startApi } from '../test/support/api-server';
import { launchChromium, PHONE } from '../test/support/browser';
import { createTestDatabase } from '../test/support/database';

// Chrome DevTools' "Slow 3G" preset: 400 ms RTT, ~50 KB/s down, ~50 KB/s up
const SLOW_3G = { offline: false, latency: 400, downloadThroughput: (500 * 1024) / 8, uploadThroughput: (500 * 1024) / 8 };
const RUNS = 3;

async function main(): Promise<void> {
  ensureH5Build((line) => console.log(line));
  const t = await createTestDatabase();
  const api = await startApi(t.db, {}, () => new Date('2026-12-01T01:00:00Z'), H5_DIR);
  const browser = await launchChromium();
  const results: Record<string, unknown>[] = [];
  try {
    for (const profile of ['unthrottled', 'slow-3g'] as const) {
      for (let run = 0; run < RUNS; run++) {
        const context = await browser.newContext(PHONE);
        const page = await context.newPage();
        const cdp = await context.newCDPSession(page);
        await cdp.send('Network.enable');
        if (profile === 'slow-3g') await cdp.send('Network.emulateNetworkConditions', SLOW_3G);
        let bytes = 0;
        cdp.on('Network.loadingFinished', (e: { encodedDataLength: number }) => {
          bytes += e.encodedDataLength;
        });
        const t0 = Date.now();
        await page.goto(api.url + '/', { timeout: 120_000 });
        await page.locator('.taro_page:visible').getByText(/便民服务中心/).first().waitFor({ timeout: 120_000 });
        const firstScreenMs = Date.now() - t0;
        const firstScreenBytes = bytes;
        // the next screens, bytes only (unthrottled runs): search, then a guide
        let searchBytes = 0;
        let guideBytes = 0;
        if (profile === 'unthrottled' && run === 0) {
          bytes = 0;
          await page.goto(api.url + '/#/pages/catalogue/index?q=' + encodeURIComponent('低保'));
          await page.locator('.taro_page:visible').getByText(/最低生活保障/).first().waitFor();
          searchBytes = bytes;
          bytes = 0;
          await page.locator('.taro_page:visible').getByText(/最低生活保障/).first().click();
          await page.locator('.taro_page:visible .material').first().waitFor();
          guideBytes = bytes;
        }
        results.push({ profile, run, firstScreenMs, firstScreenBytes, searchBytes, guideBytes });
        await context.close();
      }
    }
  } finally {
    await browser.close();
    await api.close();
    await t.drop();
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const of = (p: string) => results.filter((r) => r.profile === p);
  const fast = median(of('unthrottled').map((r) => r.firstScreenMs as number));
  const slow = median(of('slow-3g').map((r) => r.firstScreenMs as number));
  const first = of('unthrottled')[0]!;
  const summary = {
    firstScreenMedianMs: { unthrottled: fast, slow3g: slow, ratio: Math.round((slow / fast) * 10) / 10 },
    transferredBytes: { firstScreen: first.firstScreenBytes, searchScreen: first.searchBytes, guideScreen: first.guideBytes },
    runs: results,
  };
  console.log(JSON.stringify(summary.firstScreenMedianMs), JSON.stringify(summary.transferredBytes));
  const dir = path.join(__dirname, 'results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'h5-first-screen-latest.json'), JSON.stringify(summary, null, 2));
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
