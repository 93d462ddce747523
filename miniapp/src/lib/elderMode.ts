// 长辈模式 (elder mode): larger type and tap targets, fewer things per screen, no pop-ups.
// The page root carries the `elder` class and the `--font-scale` variable (see app.css).

/** The font scale we follow at most: beyond it the layout of a 375-wide phone breaks. */
export const MAX_FONT_SCALE = 1.4;

/**
 * From this WeChat font scale up (iOS "+3" on a 375 screen is 21/17 ≈ 1.24) elder mode starts
 * switched on until the person chooses otherwise.
 */
export const ELDER_BY_DEFAULT_FROM = 1.2;

/** WeChat's fontSizeScaleFactor as a scale we apply: never below 1 (our sizes are the minimum), at most MAX. */
export function clampFontScale(factor: unknown): number {
  if (typeof factor !== 'number' || !Number.isFinite(factor) || factor <= 1) return 1;
  return Math.round(Math.min(factor, MAX_FONT_SCALE) * 100) / 100;
}

/** The stored choice: true / false, or null when the person never chose. */
export function parseStoredElderMode(raw: unknown): boolean | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const on = (raw as { on?: unknown }).on;
  return typeof on === 'boolean' ? on : null;
}

export function storedElderMode(on: boolean): { v: 1; on: boolean } {
  return { v: 1, on };
}

/** The person's choice wins; without one, a large WeChat font setting turns elder mode on. */
export function resolveElderMode(stored: boolean | null, fontScale: number): boolean {
  if (stored !== null) return stored;
  return fontScale >= ELDER_BY_DEFAULT_FROM;
}

/** "page home elder": the page root's classes. */
export function pageClassName(base: string, elder: boolean): string {
  const names = ['page', ...base.split(/\s+/).filter((n) => n !== '' && n !== 'page')];
  if (elder) names.push('elder');
  return names.join(' ');
}

/** The page root's inline style: the font scale every size in app.css multiplies by. */
export function pageStyle(fontScale: number): Record<string, string> {
  return { '--font-scale': String(clampFontScale(fontScale)) };
}
