// Debian's Chromium driven by playwright-core, as the browser end-to-end tests use it.
// Without Chromium the tests are skipped and say so; under CI (CI=true) that is a failure.
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { type Browser, chromium } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);
export const SCREENSHOTS = path.resolve(__dirname, '../../screenshots');

export function requireChromiumOrSkip(): boolean {
  if (hasChromium) return true;
  if (process.env.CI === 'true') throw new Error(`Chromium not found at ${CHROMIUM}: CI must install it (apt-get install -y chromium)`);
  console.warn(`SKIPPED: browser end-to-end tests need Chromium at ${CHROMIUM} (apt-get install -y chromium fonts-wqy-zenhei).`);
  return false;
}

export async function launchChromium(): Promise<Browser> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    // playwright starts every browser with a fresh, empty user-data dir of its own
  });
}

/** A phone: 375×667 CSS pixels, as the screenshots are judged. */
export const PHONE = { viewport: { width: 375, height: 667 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN' };
