// The browser end-to-end tests' shared setup and page helpers: the H5 build served by the API on
// a fresh test database, Debian's Chromium, and a page (phone size unless told) whose helpers
// find text on the visible Taro page, tap it, log in with the demo login and take screenshots once
// the page has settled. Every wait is on page state (test/support/wait.ts), never a fixed sleep.
import path from 'node:path';
import type { Browser, BrowserContextOptions, Locator, Page, Request } from 'playwright-core';
import { ensureH5Build, H5_DIR } from '../../server/dev/h5-build';
import { type RunningApi, startApi } from './api-server';
import { launchChromium, PHONE, SCREENSHOTS } from './browser';
import { createTestDatabase, type TestDatabase } from './database';
import { settledPage, waitUntil } from './wait';

export interface H5AppOptions {
  /** the moment the API and the page both take as now (default: the real clock) */
  clock?: Date;
  /** the first page's browser context (default PHONE); null: no first page, tests open their own */
  context?: BrowserContextOptions | null;
  /** screenshots are named screenshots/<prefix><name>.png */
  shots: string;
}

export interface H5App {
  readonly t: TestDatabase;
  readonly api: RunningApi;
  readonly browser: Browser;
  /** the first page (not there with `context: null`) */
  readonly page: Page;
  /** helpers for the first page */
  readonly ui: PageKit;
  /** a new page in a new context (clock set, requests tracked), with its helpers */
  open(options?: BrowserContextOptions): Promise<PageKit>;
}

/** Requests each page has in flight, for `settled` (a screen is not done while it still loads). */
const inFlight = new WeakMap<Page, Set<Request>>();

function trackRequests(page: Page): void {
  const pending = new Set<Request>();
  inFlight.set(page, pending);
  page.on('request', (r) => pending.add(r));
  page.on('requestfinished', (r) => pending.delete(r));
  page.on('requestfailed', (r) => pending.delete(r));
}

/**
 * Sets up (beforeAll) and tears down (afterAll) the database, the API serving the H5 build, the
 * browser and a first page. Call it in the describe body; a test file's own beforeAll runs after.
 */
export function useH5App(options: H5AppOptions): H5App {
  const { clock, shots } = options;
  let t: TestDatabase | undefined;
  let api: RunningApi | undefined;
  let browser: Browser | undefined;
  let firstPage: Page | undefined;
  const need = <T>(value: T | undefined, name: string): T => {
    if (value === undefined) throw new Error(`useH5App: ${name} is not there (beforeAll failed, or context: null)`);
    return value;
  };

  const app: H5App = {
    get t() {
      return need(t, 'the database');
    },
    get api() {
      return need(api, 'the API');
    },
    get browser() {
      return need(browser, 'the browser');
    },
    get page() {
      return need(firstPage, 'the first page');
    },
    // bound now, used once beforeAll has opened the page: each call looks the page up
    ui: pageKit(() => app.page, () => app.api, shots),
    async open(contextOptions = PHONE) {
      const page = await newPage(contextOptions);
      return pageKit(() => page, () => app.api, shots);
    },
  };
  async function newPage(contextOptions: BrowserContextOptions): Promise<Page> {
    const page = await (await app.browser.newContext(contextOptions)).newPage();
    trackRequests(page);
    if (clock) await page.clock.setFixedTime(clock);
    return page;
  }

  beforeAll(async () => {
    ensureH5Build((line) => console.info(line));
    t = await createTestDatabase();
    api = await startApi(t.db, {}, clock ? () => clock : undefined, H5_DIR);
    browser = await launchChromium();
    if (options.context !== null) firstPage = await newPage(options.context ?? PHONE);
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await api?.close();
    await t?.drop();
  });

  return app;
}

export interface PageKit {
  /** the page the helpers work on */
  readonly page: Page;
  /** the Taro page on screen (H5 keeps the pages below it in the DOM, hidden) */
  visible(): Locator;
  /** the first element on screen with that text */
  text(s: string | RegExp, exact?: boolean): Locator;
  /** scrolls to the text and taps it */
  tap(s: string | RegExp, exact?: boolean): Promise<void>;
  /** opens an app path ("/pages/settings/index?x=1"; "/" for home) */
  go(appPath: string): Promise<void>;
  /** the login page coming back to `back`: agrees to the privacy notice and taps the demo account */
  demoLogin(account: string | RegExp, back: string): Promise<void>;
  /**
   * Taps 去预约 on a guide and waits for what it does: the booking (or the login) opens, or the
   * page first warns in place about materials not ticked yet, which is answered 去预约 too.
   */
  goBook(): Promise<void>;
  /** waits until the page has settled: no request in flight, render done, images and fonts loaded */
  settled(what?: string): Promise<void>;
  /** screenshots/<prefix><name>.png of the settled page */
  shot(name: string): Promise<void>;
}

/** Helpers for the page `getPage` gives (looked up at each call, so they can be made before it opens). */
export function pageKit(getPage: () => Page, getApi: () => RunningApi, shots: string): PageKit {
  const visible = () => getPage().locator('.taro_page:visible');
  const text = (s: string | RegExp, exact = false) => visible().getByText(s, { exact }).first();
  const kit: PageKit = {
    get page() {
      return getPage();
    },
    visible,
    text,
    async tap(s, exact = false) {
      await text(s, exact).scrollIntoViewIfNeeded();
      await text(s, exact).click();
    },
    async go(appPath) {
      const { url } = getApi();
      await getPage().goto(appPath === '/' ? `${url}/` : `${url}/#${appPath}`);
    },
    async demoLogin(account, back) {
      await kit.go(`/pages/login/index?back=${encodeURIComponent(back)}`);
      await kit.tap('同意', true);
      await kit.tap(account);
    },
    async goBook() {
      const page = getPage();
      const before = page.url();
      await kit.tap('去预约', true);
      const goOn = visible().locator('.inline-confirm').getByText('去预约', { exact: true });
      await waitUntil(async () => page.url() !== before || (await goOn.count()) > 0, {
        what: '去预约 to open the next page or to warn about the materials not ticked',
      });
      if (page.url() === before) await goOn.click();
    },
    async settled(what = 'the page to settle') {
      const page = getPage();
      const pending = inFlight.get(page);
      if (pending) await waitUntil(() => pending.size === 0, { timeout: 10_000, what: `the requests in flight to finish before ${what}` });
      await settledPage(page, { what });
    },
    async shot(name) {
      await kit.settled(`screenshot ${name}`);
      await getPage().screenshot({ path: path.join(SCREENSHOTS, `${shots}${name}.png`), fullPage: false });
    },
  };
  return kit;
}
