// Waiting on page state, for the browser (playwright) and the WeChat simulator (jsdom) tests
// alike: poll a condition until it holds, or wait until a page has settled (no DOM change, no
// scrolling, images and fonts loaded, for a few frames in a row). Never a fixed sleep: each wait
// ends as soon as the state is there and fails with a message naming what was awaited.

export interface WaitOptions {
  /** how long to wait at the most, in ms (default 5000) */
  timeout?: number;
  /** what is awaited, for the failure message (default: the condition's source) */
  what?: string;
  /** how often to poll, in ms (default 20) */
  interval?: number;
}

/** A condition's source text on one line, to say what a wait was for. */
function describeCondition(condition: () => unknown): string {
  return condition.toString().replace(/\s+/g, ' ').slice(0, 200);
}

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Polls `condition` until it returns something truthy and returns that. A condition that throws
 * counts as not yet (the last error is reported on timeout).
 */
export async function waitUntil<T>(condition: () => T | Promise<T>, options: WaitOptions = {}): Promise<NonNullable<T>> {
  const { timeout = 5000, interval = 20 } = options;
  const started = Date.now();
  let lastError: unknown;
  for (;;) {
    try {
      const value = await condition();
      if (value) return value as NonNullable<T>;
      lastError = undefined;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() - started > timeout) {
      const what = options.what ?? describeCondition(condition);
      const why = lastError === undefined ? '' : ` (last error: ${lastError instanceof Error ? lastError.message : String(lastError)})`;
      throw new Error(`waitUntil: timed out after ${timeout} ms waiting for ${what}${why}`);
    }
    await pause(interval);
  }
}

export interface SettleOptions {
  /** frames in a row without a change (default 2) */
  frames?: number;
  /** how long to wait at the most, in ms (default 5000) */
  timeout?: number;
  /** what is awaited, for the failure message */
  what?: string;
}

/**
 * In a window (the browser's, or jsdom's): resolves true once `frames` animation frames in a row
 * passed with no DOM mutation below `root` (default: the whole document), no scroll, every <img> loaded and the fonts ready;
 * false after `timeout` ms. Self-contained (no outer names), so playwright can run it in the page.
 */
function quietFrames(args: { frames: number; timeout: number }, win: Window & typeof globalThis = window, root: Node = win.document): Promise<boolean> {
  const doc = win.document;
  return new Promise<boolean>((resolve) => {
    let quiet = 0;
    const reset = () => {
      quiet = 0;
    };
    const observer = new win.MutationObserver(reset);
    observer.observe(root, { subtree: true, childList: true, attributes: true, characterData: true });
    doc.addEventListener('scroll', reset, true);
    const started = Date.now();
    const finish = (settled: boolean) => {
      observer.disconnect();
      doc.removeEventListener('scroll', reset, true);
      resolve(settled);
    };
    const tick = () => {
      const imagesLoaded = Array.from(doc.images ?? []).every((img) => img.complete);
      const fontsReady = !doc.fonts || doc.fonts.status === 'loaded';
      if (imagesLoaded && fontsReady) quiet += 1;
      else quiet = 0;
      if (quiet >= args.frames) finish(true);
      else if (Date.now() - started > args.timeout) finish(false);
      else win.requestAnimationFrame(tick);
    };
    win.requestAnimationFrame(tick);
  });
}

/** What `settledPage` needs of a playwright Page (kept structural: no import of playwright here). */
interface EvaluatingPage {
  evaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
}

/** Waits until the browser page has settled: its render done, images and fonts loaded, no scrolling. */
export async function settledPage(page: EvaluatingPage, options: SettleOptions = {}): Promise<void> {
  const { frames = 2, timeout = 5000 } = options;
  const settled = await page.evaluate(quietFrames, { frames, timeout });
  if (!settled) throw new Error(`settledPage: the page kept changing for ${timeout} ms${options.what ? ` (waiting for ${options.what})` : ''}`);
}

/**
 * Waits until the DOM below `root` (a simulator page's) has not changed for `frames` frames in a
 * row: the render in flight has been applied, so nodes found now are the ones that stay.
 */
export async function settledDom(root: Element, options: SettleOptions = {}): Promise<void> {
  const { frames = 2, timeout = 5000 } = options;
  const win = root.ownerDocument.defaultView as (Window & typeof globalThis) | null;
  if (!win) throw new Error('settledDom: the element is not in a window');
  const settled = await quietFrames({ frames, timeout }, win, root);
  if (!settled) throw new Error(`settledDom: the page kept changing for ${timeout} ms${options.what ? ` (waiting for ${options.what})` : ''}`);
}
