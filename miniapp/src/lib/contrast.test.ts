import { readFileSync } from 'node:fs';
import path from 'node:path';
import { contrastRatio, parseHex } from './contrast';

const src = path.resolve(__dirname, '..');
const appCss = readFileSync(path.join(src, 'app.css'), 'utf8');

/** The colour variables declared in the first block whose selector is exactly `selector`. */
function variables(css: string, selector: string): Record<string, string> {
  const start = css.indexOf(`${selector} {`);
  if (start < 0) throw new Error(`no ${selector} block`);
  const block = css.slice(start, css.indexOf('}', start));
  const vars: Record<string, string> = {};
  for (const m of block.matchAll(/(--[a-z0-9-]+):\s*(#[0-9a-fA-F]{3,6})\s*;/g)) vars[m[1] as string] = m[2] as string;
  return vars;
}

const normal = variables(appCss, '.page');
const elder = { ...normal, ...variables(appCss, '.page.elder') };

/** Text colour on background, as the components use them. */
const PAIRS: [string, string][] = [
  ['--text', '--bg'],
  ['--text', '--card'],
  ['--text-2', '--bg'],
  ['--text-2', '--card'],
  ['--text', '--primary-soft'],
  ['--primary', '--card'],
  ['--primary', '--bg'],
  ['--primary', '--primary-soft'],
  ['--card', '--primary'],
  ['--danger', '--card'],
  ['--danger', '--danger-soft'],
  ['--success', '--card'],
  ['--success', '--success-soft'],
  ['--warning-text', '--warning-soft'],
  ['--warning-text', '--card'],
  ['--danger', '--warning-soft'],
];

describe('contrastRatio', () => {
  it('matches the WCAG reference values', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 1);
    expect(contrastRatio('#fff', '#fff')).toBeCloseTo(1, 5);
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 1);
    expect(parseHex('blue')).toBeNull();
  });
});

describe.each([
  ['normal', normal],
  ['elder', elder],
])('app.css colours (%s mode)', (_mode, vars) => {
  it.each(PAIRS)('%s on %s is at least 4.5:1', (fg, bg) => {
    const a = vars[fg];
    const b = vars[bg];
    expect([fg, a]).toEqual([fg, expect.stringMatching(/^#/)]);
    expect([bg, b]).toEqual([bg, expect.stringMatching(/^#/)]);
    expect(contrastRatio(a as string, b as string)).toBeGreaterThanOrEqual(4.5);
  });
});

describe('fixed colours in component styles', () => {
  // colours written directly in component CSS, with the background they sit on
  it.each([
    ['placeholder', '#6b7280', '#ffffff'],
    ['warning badge', '#7a4100', '#fff1d6'],
  ])('%s is at least 4.5:1', (_name, fg, bg) => {
    expect(contrastRatio(fg, bg)).toBeGreaterThanOrEqual(4.5);
  });
});
