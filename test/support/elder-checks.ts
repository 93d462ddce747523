// What 长辈模式 promises, checked on the visible page of the H5 build: text ≥ 18 px with line
// height ≥ 1.3, tap targets ≥ 60 px, the page root in elder mode. Shared by the browser tests.
import type { Page } from 'playwright-core';

/** What a person taps: every one must be at least 60 CSS px tall in elder mode. */
export const TAP_TARGETS = [
  '.big-button',
  '.home-action',
  '.home__settings',
  '.my-center__change',
  '.township-picker__choice',
  '.elder-switch',
  '.yes-no__choice',
  '.material-check',
  '.chip',
  '.search-field__button',
  '.link-row',
  '.offline-banner__retry',
  '.choice-tile',
  '.tick-box',
  '.bundle-card',
  '.item-card',
  '.booking-card',
  '.unread-entry',
  '.notice-item',
  '.switch-row',
];

/** Visible text in the current page smaller than 18 px or with a line height under 1.3. */
export function smallText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const pages = Array.from(document.querySelectorAll('.taro_page')) as HTMLElement[];
    const root = pages.find((p) => getComputedStyle(p).display !== 'none' && p.getBoundingClientRect().height > 0);
    if (!root) return ['no visible page'];
    const problems: string[] = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const text = (walker.currentNode.textContent ?? '').trim();
      const el = walker.currentNode.parentElement;
      if (!text || !el) continue;
      const rect = el.getBoundingClientRect();
      if (rect.width === 0 || rect.height === 0) continue;
      const style = getComputedStyle(el);
      const size = parseFloat(style.fontSize);
      const lineHeight = style.lineHeight === 'normal' ? size * 1.2 : parseFloat(style.lineHeight);
      if (size < 18) problems.push(`"${text.slice(0, 16)}" ${size}px`);
      // browsers round line heights to whole pixels: allow half a percent
      else if (lineHeight / size < 1.295) problems.push(`"${text.slice(0, 16)}" line-height ${(lineHeight / size).toFixed(2)}`);
    }
    return problems;
  });
}

/** Tap targets in the current page under 60 px tall. */
export function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate((selectors) => {
    const pages = Array.from(document.querySelectorAll('.taro_page')) as HTMLElement[];
    const root = pages.find((p) => getComputedStyle(p).display !== 'none' && p.getBoundingClientRect().height > 0);
    if (!root) return ['no visible page'];
    const problems: string[] = [];
    for (const selector of selectors) {
      for (const el of Array.from(root.querySelectorAll(selector))) {
        const rect = el.getBoundingClientRect();
        if (rect.width === 0 && rect.height === 0) continue;
        if (rect.height < 60) problems.push(`${selector} "${(el.textContent ?? '').trim().slice(0, 12)}" ${rect.height}px`);
      }
    }
    return problems;
  }, TAP_TARGETS);
}

/** The visible page is (or is not) in elder mode; in elder mode its text and targets are large enough. */
export async function expectElderSizes(page: Page, elder: boolean): Promise<void> {
  const visible = page.locator('.taro_page:visible');
  expect((await visible.locator('.page.elder').count()) > 0).toBe(elder);
  if (!elder) return;
  const body = await visible
    .locator('.page')
    .first()
    .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(body).toBeGreaterThanOrEqual(20);
  expect(await smallText(page)).toEqual([]);
  expect(await smallTargets(page)).toEqual([]);
}
