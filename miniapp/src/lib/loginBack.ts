// Where to go after logging in: back to the page that asked, never anywhere else.

/**
 * Page paths the login may return to, of this app only: "/pages/x/index?…" in the main package,
 * "/<subpackage>/pages/x/<page>?…" in a subpackage (e.g. /manage/pages/catalogue/import).
 */
const PAGE_PATH = /^(\/pages\/[a-z0-9_-]+\/index|\/[a-z0-9_-]+\/pages\/[a-z0-9_-]+\/[a-z0-9_-]+)(\?[^#\s]*)?$/i;

/** The page to return to after login, or '' when `back` is missing or not one of our pages. */
export function safeBack(back: string): string {
  const target = back.trim();
  if (!PAGE_PATH.test(target)) return '';
  // never loop back into the login page itself
  return target.startsWith('/pages/login/') ? '' : target;
}
