import Taro, { useDidShow, useReachBottom, useRouter } from '@tarojs/taro';
import { useRef } from 'react';
import { parseParams, type ParsedParams, type Route } from '@/lib/routes';

/** The current page's query parameters, read as the route table declares them (text '' when absent). */
export function usePageParams<R extends Route>(route: R): ParsedParams<R> {
  const { params } = useRouter();
  return parseParams(route, params);
}

/** Shows the centre's or item's name in the title bar (best effort). */
export function setPageTitle(title: string): void {
  Taro.setNavigationBarTitle({ title }).catch(() => undefined);
}

/** Runs `callback` each time the page comes back into view (not on its first showing). */
export function useShownAgain(callback: () => void): void {
  const first = useRef(true);
  useDidShow(() => {
    if (first.current) first.current = false;
    else callback();
  });
}

/** Runs `callback` each time the page is shown, the first time included (a count to refresh). */
export function useShown(callback: () => void): void {
  useDidShow(callback);
}

/** Runs `callback` when the person has scrolled to the bottom of the page (load older rows). */
export function useReachedBottom(callback: () => void): void {
  useReachBottom(callback);
}

/** Scrolls the page so the element matching `selector` is at the top (after a form gives way to its result). */
export function scrollToElement(selector: string): void {
  // after the next render, when the element exists
  setTimeout(() => {
    Taro.pageScrollTo({ selector, duration: 200 }).catch(() => undefined);
  }, 50);
}
