// Runs Taro's compiled WeChat output (dist/) inside miniprogram-simulate.
// miniprogram-simulate only knows Component(): this shim supplies a DOM (jsdom), App/getApp/
// getCurrentPages, a Page() that re-declares a page as a component, and stubs for the wx APIs
// the app calls (request → fixtures or a real server, navigateTo / makePhoneCall → recorded).
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { JSDOM } from 'jsdom';
import { settledDom, waitUntil } from '../support/wait';
import { answerFromFixtures, type FixtureAnswer } from './fixtures';

export const repoRoot = path.resolve(__dirname, '../..');
export const distDir = path.join(repoRoot, 'dist');

/** Builds the production weapp output when dist/app.js is missing (takes about a minute). */
export function ensureWeappBuild(): void {
  if (existsSync(path.join(distDir, 'app.js'))) return;
  execSync('npm run build:weapp', {
    cwd: repoRoot,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
}

type Callback = (result: Record<string, unknown>) => void;
interface WxCallOptions {
  url?: string;
  method?: string;
  phoneNumber?: string;
  success?: Callback;
  fail?: Callback;
  complete?: Callback;
  [key: string]: unknown;
}

/** A j-component node, as much of it as the tests use. */
export interface SimComponent {
  dom: HTMLElement;
  instance: Record<string, unknown>;
  attach(parent: Element): void;
  detach(): void;
}

interface Simulate {
  load(componentPath: string, options?: { rootPath?: string }): string;
  render(id: string, properties?: Record<string, unknown>): SimComponent;
}

export interface WeappHarness {
  /** wx.navigateTo / redirectTo URLs, in call order */
  navigations: string[];
  /** wx.makePhoneCall numbers */
  phoneCalls: string[];
  /** wx.request URLs */
  requests: string[];
  /** Renders dist/<pagePath> with the given query, attached to the document. */
  openPage(pagePath: string, query?: Record<string, string>): SimComponent;
  /** Taps an element the way WeChat does (touchstart + touchend → tap). */
  tap(element: Element): void;
  /**
   * Waits for the element, then for the page to settle (no wx.request in flight, its DOM
   * unchanged for two frames: on a loaded machine the node found first may be about to be
   * replaced), finds it again and taps it.
   */
  tapWhenSettled(find: () => Element | undefined): Promise<void>;
  /** Waits until no wx.request is in flight and the DOM around `element` has stopped changing. */
  settled(element?: Element): Promise<void>;
  /** Polls until `check` passes (rendering is asynchronous); a timeout names the check. */
  waitFor(check: () => boolean, timeoutMs?: number): Promise<void>;
  /** Answers every wx.request with `answer` (a test's own backend), asynchronously as WeChat does. */
  answerRequests(answer: (request: SimRequest) => FixtureAnswer): void;
  /** wx storage kept in `store` (miniprogram-simulate's keeps nothing). */
  useMemoryStorage(store: Map<string, unknown>): void;
}

/** A wx.request call as a test's backend sees it. */
export interface SimRequest {
  method: string;
  url: string;
  data: unknown;
  header: Record<string, string>;
}

/** The page's text, as a person reads it. */
export const textOf = (page: SimComponent): string => page.dom.textContent ?? '';

/** The first element with that class (see findByClass) whose text contains `text`. */
export const byText = (page: SimComponent, className: string, text: string): Element | undefined =>
  findByClass(page.dom, className).find((el) => (el.textContent ?? '').includes(text));

/** The outermost ancestor of an element (a simulated page hangs below a detached wrapper). */
function topOf(element: Element): Element {
  let top = element;
  while (top.parentElement) top = top.parentElement;
  return top;
}

let harness: WeappHarness | null = null;

/** Answers wx.request from a real server (API_BASE) or from the fixtures. */
async function answerRequest(url: string, nodeFetch: typeof fetch): Promise<FixtureAnswer> {
  const apiBase = process.env.API_BASE;
  if (!apiBase) return answerFromFixtures(url);
  const absolute = /^https?:\/\//.test(url) ? url : `${apiBase.replace(/\/+$/, '')}${url}`;
  const response = await nodeFetch(absolute);
  const text = await response.text();
  let data: unknown = text;
  try {
    data = JSON.parse(text);
  } catch {
    // not JSON: hand the text over like wx.request does
  }
  return { statusCode: response.status, data };
}

/**
 * Elements carrying a class from our source. miniprogram-simulate prefixes classes with the
 * component's tag ("main--center-card", "comp--center-card"), so match the suffix.
 */
export function findByClass(root: Element, className: string): Element[] {
  return Array.from(root.querySelectorAll('[class]')).filter((el) =>
    (el.getAttribute('class') ?? '')
      .split(/\s+/)
      .some((token) => token === className || token.endsWith(`--${className}`)),
  );
}

/**
 * GETs an API path from the same backend the pages talk to (API_BASE or the fixtures),
 * so tests can state what the page should show whichever backend answers.
 */
export async function apiGet<T>(url: string): Promise<T> {
  const { statusCode, data } = await answerRequest(url, globalThis.fetch);
  if (statusCode < 200 || statusCode >= 300) throw new Error(`GET ${url} → ${statusCode}`);
  return data as T;
}

/** Sets the globals up once per test file and loads dist/app.js. */
export function setupWeapp(): WeappHarness {
  if (harness) return harness;
  const nodeFetch = globalThis.fetch;
  const g = globalThis as unknown as Record<string, unknown>;

  // 1. a DOM for j-component
  const dom = new JSDOM('<!doctype html><html><body></body></html>', { pretendToBeVisual: true });
  const win = dom.window as unknown as Record<string, unknown>;
  for (const key of [
    'window', 'document', 'Node', 'Element', 'HTMLElement', 'Event', 'CustomEvent',
    'TouchEvent', 'MouseEvent', 'requestAnimationFrame', 'cancelAnimationFrame', 'getComputedStyle',
  ]) {
    g[key] = key === 'window' ? dom.window : win[key];
  }

  // 2. miniprogram-simulate defines Component() and a mock wx on load
  const simulate = require('miniprogram-simulate') as Simulate;
  const wx = g.wx as Record<string, unknown>;

  const navigations: string[] = [];
  const phoneCalls: string[] = [];
  const requests: string[] = [];
  const succeed = (options: WxCallOptions, result: Record<string, unknown>): void => {
    setTimeout(() => {
      options.success?.(result);
      options.complete?.(result);
    }, 0);
  };

  // wx.request calls not answered yet, for settled()
  let inFlight = 0;
  const answered = (options: WxCallOptions, result: Record<string, unknown>, ok: boolean): void => {
    inFlight -= 1;
    if (ok) options.success?.(result);
    else options.fail?.(result);
    options.complete?.(result);
  };
  const requestHandle = { abort: () => undefined, onHeadersReceived: () => undefined, offHeadersReceived: () => undefined };
  wx.request = (options: WxCallOptions) => {
    const url = String(options.url ?? '');
    requests.push(url);
    inFlight += 1;
    answerRequest(url, nodeFetch).then(
      ({ statusCode, data }) => setTimeout(() => answered(options, { statusCode, data, header: {}, errMsg: 'request:ok' }, true), 0),
      (error: unknown) => answered(options, { errMsg: `request:fail ${String(error)}` }, false),
    );
    return requestHandle;
  };
  const record = (name: string, list: string[], key: 'url' | 'phoneNumber') => (options: WxCallOptions) => {
    list.push(String(options[key] ?? ''));
    succeed(options, { errMsg: `${name}:ok` });
  };
  wx.navigateTo = record('navigateTo', navigations, 'url');
  wx.redirectTo = record('redirectTo', navigations, 'url');
  wx.makePhoneCall = record('makePhoneCall', phoneCalls, 'phoneNumber');
  wx.setNavigationBarTitle = (options: WxCallOptions) => succeed(options, { errMsg: 'setNavigationBarTitle:ok' });
  // Taro keeps the synchronous wx functions it finds at launch (and marks missing ones as
  // unsupported): a stand-in that hands out the file system a test sets as wx.testFileSystem
  wx.getFileSystemManager = () => wx.testFileSystem;
  wx.chooseMessageFile = (options: WxCallOptions) => (wx.testChooseMessageFile as (o: WxCallOptions) => void)(options);

  // 3. App / getApp / getCurrentPages / Page
  let app: Record<string, unknown> = {};
  const pages: Record<string, unknown>[] = [];
  let pending: { route: string; query: Record<string, string> } = { route: '', query: {} };
  g.App = (options: Record<string, unknown>) => {
    app = options;
  };
  g.getApp = () => app;
  g.getCurrentPages = () => pages;
  g.Page = (options: Record<string, unknown>) => {
    const methods: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(options)) {
      if (typeof value === 'function') methods[key] = value;
    }
    type PageThis = Record<string, unknown> & {
      route?: string;
      onLoad?: (query: Record<string, string>) => void;
      onShow?: () => void;
      onReady?: () => void;
      onUnload?: () => void;
    };
    (g.Component as (definition: Record<string, unknown>) => void)({
      data: options.data,
      methods,
      lifetimes: {
        attached(this: PageThis) {
          this.route = pending.route;
          pages.push(this);
          this.onLoad?.(pending.query);
          this.onShow?.();
        },
        ready(this: PageThis) {
          this.onReady?.();
        },
        detached(this: PageThis) {
          this.onUnload?.();
          pages.splice(pages.indexOf(this), 1);
        },
      },
    });
  };

  // 4. the app itself
  require(path.join(distDir, 'app.js'));
  (app.onLaunch as ((options: Record<string, unknown>) => void) | undefined)?.call(app, {
    path: 'pages/index/index',
    query: {},
    scene: 1001,
  });

  const loadedIds = new Map<string, string>();
  harness = {
    navigations,
    phoneCalls,
    requests,
    openPage(pagePath, query = {}) {
      pending = { route: pagePath, query };
      // a page's JS runs once per test file (jest keeps its module cache), so load it once
      const id = loadedIds.get(pagePath) ?? simulate.load(path.join(distDir, pagePath), { rootPath: distDir });
      loadedIds.set(pagePath, id);
      const page = simulate.render(id);
      page.attach(dom.window.document.createElement('parent-wrapper'));
      return page;
    },
    tap(element) {
      const TouchEventCtor = g.TouchEvent as typeof TouchEvent;
      const TouchCtor = g.Touch as new (init: Record<string, unknown>) => Touch;
      const touch = new TouchCtor({ identifier: 1, target: element, pageX: 1, pageY: 1, clientX: 1, clientY: 1 });
      element.dispatchEvent(
        new TouchEventCtor('touchstart', { bubbles: true, cancelable: true, touches: [touch], changedTouches: [touch] }),
      );
      element.dispatchEvent(
        new TouchEventCtor('touchend', { bubbles: true, cancelable: true, touches: [], changedTouches: [touch] }),
      );
    },
    async tapWhenSettled(find) {
      const what = `the element to tap: ${find.toString().replace(/\s+/g, ' ')}`;
      await this.settled(await waitUntil(find, { what }));
      this.tap(await waitUntil(find, { what }));
    },
    async settled(element) {
      await waitUntil(() => inFlight === 0, { what: 'the wx.request calls in flight to be answered' });
      if (element) await settledDom(topOf(element), { what: 'the page to render' });
    },
    async waitFor(check, timeoutMs = 5000) {
      await waitUntil(check, { timeout: timeoutMs });
    },
    answerRequests(answer) {
      wx.request = (options: WxCallOptions) => {
        const header = (options.header ?? {}) as Record<string, string>;
        const request: SimRequest = { method: String(options.method ?? 'GET'), url: String(options.url ?? ''), data: options.data, header };
        requests.push(request.url);
        inFlight += 1;
        const { statusCode, data } = answer(request);
        setTimeout(() => answered(options, { statusCode, data, header: {}, errMsg: 'request:ok' }, true), 0);
        return requestHandle;
      };
    },
    useMemoryStorage(store) {
      wx.getStorageSync = (key: string) => (store.has(key) ? store.get(key) : '');
      wx.setStorageSync = (key: string, value: unknown) => void store.set(key, value);
      wx.removeStorageSync = (key: string) => void store.delete(key);
      wx.getStorageInfoSync = () => ({ keys: [...store.keys()], currentSize: 0, limitSize: 10240 });
    },
  };
  return harness;
}
