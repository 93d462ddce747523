// Where to go after logging in: back to the page that asked, never anywhere else.

/** Page paths the login may return to ("/pages/x/index?…" or a subpackage's "/manage/pages/x/index?…" of this app only). */
const PAGE_PATH = /^\/(manage\/)?pages\/[a-z0-9_-]+\/index(\?[^#\s]*)?$/i;

/** The page to return to after login, or '' when `back` is missing or not one of our pages. */
export function safeBack(back: string): string {
  const target = back.trim();
  if (!PAGE_PATH.test(target)) return '';
  // never loop back into the login page itself
  return target.startsWith('/pages/login/') ? '' : target;
}
