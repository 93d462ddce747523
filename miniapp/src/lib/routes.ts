// Every page of the mini-program in one table: where it lives (main package or a subpackage),
// its path, and the query parameters it is opened with. app.config.ts takes its page lists from
// here, urlOf builds the encoded URL a page is opened with, parseParams reads them back.
// Pure and free of Taro, so app.config.ts can import it at build time.
import type { ItemCategory } from '@contract/catalogue';
import { readParam, withQuery } from './query';

/** How a parameter travels: text as it is, a number as its digits, a flag as "1" when set. */
type ParamKind = 'text' | 'number' | 'flag';
type ParamSpec = Readonly<Record<string, ParamKind>>;

interface PageSpec {
  /** subpackage root ('' for the main package) */
  readonly root: '' | 'work' | 'manage' | 'notice';
  /** the page's path inside its package, as app.config.ts lists it */
  readonly page: string;
  readonly params: ParamSpec;
}

const page = <P extends ParamSpec>(root: PageSpec['root'], path: string, params: P) => ({ root, page: path, params });
const NONE = {} as const;

/**
 * The table. Order counts: within each package app.config.ts lists the pages in this order,
 * and the first page of the main package is the one the app starts on.
 */
export const PAGES = {
  // main package: the resident's first journey (find a centre, read a guide)
  home: page('', 'pages/index/index', NONE),
  center: page('', 'pages/center/index', { id: 'text' }),
  catalogue: page('', 'pages/catalogue/index', { q: 'text', category: 'text', department: 'text', center: 'text' }),
  item: page('', 'pages/item/index', { id: 'text' }),
  // 一件事一次办: several items as one guide and one checklist
  bundle: page('', 'pages/bundle/index', { id: 'text' }),
  // the resident's booking journey: log in, book, my bookings, one booking
  login: page('', 'pages/login/index', { back: 'text', privacy: 'flag' }),
  book: page('', 'pages/book/index', { item: 'text', center: 'text', reschedule: 'text' }),
  bookings: page('', 'pages/bookings/index', NONE),
  booking: page('', 'pages/booking/index', { id: 'text', done: 'text' }),
  // 设置: 长辈模式 and what this phone keeps
  settings: page('', 'pages/settings/index', NONE),

  // 工作人员 (subpackage work/): staff login and the window staff's workbench (手机工作台)
  workLogin: page('work', 'pages/login/index', NONE),
  workToday: page('work', 'pages/today/index', NONE),
  workBooking: page('work', 'pages/booking/index', { id: 'text' }),
  workCheckin: page('work', 'pages/checkin/index', NONE),
  workQueue: page('work', 'pages/queue/index', NONE),
  workCase: page('work', 'pages/case/index', { id: 'text', booking: 'text', ticket: 'number' }),

  // 管理 (subpackage manage/): managers and county admins (also on a desktop browser)
  manageCenter: page('manage', 'pages/center/index', { id: 'text' }),
  manageCapacity: page('manage', 'pages/capacity/index', { id: 'text' }),
  manageClosures: page('manage', 'pages/closures/index', { id: 'text' }),
  manageRules: page('manage', 'pages/rules/index', { id: 'text' }),
  manageOnDuty: page('manage', 'pages/on-duty/index', { id: 'text' }),
  /** 好差评 of a centre (admins: the whole county without id) */
  manageRatings: page('manage', 'pages/ratings/index', { id: 'text' }),
  manageAccounts: page('manage', 'pages/accounts/index', NONE),
  manageAudit: page('manage', 'pages/audit/index', NONE),
  // 目录管理 for county admins: items, materials, bundles, import/export
  manageCatalogue: page('manage', 'pages/catalogue/index', NONE),
  manageCatalogueItem: page('manage', 'pages/catalogue-item/index', { id: 'text' }),
  manageCatalogueImport: page('manage', 'pages/catalogue-import/index', NONE),
  /** 通知送达 for county admins: delivery per channel, dead letters with 重新发送 */
  manageNotifications: page('manage', 'pages/notifications/index', NONE),

  // 消息 (subpackage notice/): the in-app inbox (件件有回音) and the person's 通知方式
  noticeInbox: page('notice', 'pages/inbox/index', NONE),
  noticePreferences: page('notice', 'pages/preferences/index', NONE),
} as const satisfies Record<string, PageSpec>;

export type Route = keyof typeof PAGES;

type ValueOf<K> = K extends 'number' ? number : K extends 'flag' ? boolean : string;
type SpecOf<R extends Route> = (typeof PAGES)[R]['params'];

/** What a page may be opened with: every parameter optional; empty ones are left out of the URL. */
export type RouteParams<R extends Route> = { [K in keyof SpecOf<R>]?: ValueOf<SpecOf<R>[K]> | null };

/** A page's parameters as read back: text '' when absent, a number or flag undefined / false. */
export type ParsedParams<R extends Route> = {
  [K in keyof SpecOf<R>]: SpecOf<R>[K] extends 'number' ? number | undefined : ValueOf<SpecOf<R>[K]>;
};

/** "/work/pages/case/index": the absolute path a page is opened at. */
export function pathOf(route: Route): string {
  const spec: PageSpec = PAGES[route];
  return `/${spec.root === '' ? '' : `${spec.root}/`}${spec.page}`;
}

/** The URL that opens the page: parameters encoded in the table's order, empty ones left out. */
export function urlOf<R extends Route>(route: R, ...args: keyof SpecOf<R> extends never ? [] : [params?: RouteParams<R>]): string {
  const spec: ParamSpec = PAGES[route].params;
  const given = (args[0] ?? {}) as Record<string, string | number | boolean | null | undefined>;
  const query: Record<string, string | number | undefined> = {};
  for (const [key, kind] of Object.entries(spec)) {
    const value = given[key];
    if (value === undefined || value === null) continue;
    if (kind === 'flag') query[key] = value === true ? 1 : undefined;
    else if (kind === 'number') query[key] = typeof value === 'number' && Number.isFinite(value) ? value : undefined;
    else query[key] = String(value);
  }
  return withQuery(pathOf(route), query);
}

/** Reads a page's parameters (as WeChat or H5 hand them over) back into their types. */
export function parseParams<R extends Route>(route: R, raw: Readonly<Partial<Record<string, string>>>): ParsedParams<R> {
  const spec: ParamSpec = PAGES[route].params;
  const parsed: Record<string, string | number | boolean | undefined> = {};
  for (const [key, kind] of Object.entries(spec)) {
    const text = readParam(raw, key);
    if (kind === 'flag') parsed[key] = text === '1';
    else if (kind === 'number') parsed[key] = text !== '' && Number.isFinite(Number(text)) ? Number(text) : undefined;
    else parsed[key] = text;
  }
  return parsed as ParsedParams<R>;
}

/** The page lists of app.config.ts: the main package's pages and one subpackage per root. */
export function appPages(): { pages: string[]; subPackages: { root: string; pages: string[] }[] } {
  const pages: string[] = [];
  const subPackages: { root: string; pages: string[] }[] = [];
  for (const spec of Object.values(PAGES) as PageSpec[]) {
    if (spec.root === '') {
      pages.push(spec.page);
      continue;
    }
    let pkg = subPackages.find((p) => p.root === spec.root);
    if (!pkg) subPackages.push((pkg = { root: spec.root, pages: [] }));
    pkg.pages.push(spec.page);
  }
  return { pages, subPackages };
}

/** What the catalogue page can be opened with (all optional). */
export interface CatalogueFilter {
  q?: string;
  category?: ItemCategory | '';
  /** department code */
  department?: string;
  /** centre id */
  center?: string;
}
