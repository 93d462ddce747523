// 长辈模式 for the whole app: one remembered switch, shared by every open page (turning it on in
// the settings page restyles the pages underneath at once).
import { useEffect, useState } from 'react';
import {
  clampFontScale,
  pageClassName,
  pageStyle,
  parseStoredElderMode,
  resolveElderMode,
  storedElderMode,
} from '@/lib/elderMode';
import { readStored, writeStored } from '@/platform/storage';
import { fontSizeScaleFactor } from '@/platform/system';

const STORAGE_KEY = 'elder-mode';

export interface ElderMode {
  elder: boolean;
  /** WeChat's font scale as applied (1 … 1.4) */
  fontScale: number;
}

let current: ElderMode | null = null;
const listeners = new Set<(mode: ElderMode) => void>();

function load(): ElderMode {
  const fontScale = clampFontScale(fontSizeScaleFactor());
  const stored = parseStoredElderMode(readStored(STORAGE_KEY));
  return { elder: resolveElderMode(stored, fontScale), fontScale };
}

/** The mode now (read from the phone once, then kept in memory). */
export function elderModeNow(): ElderMode {
  if (current === null) current = load();
  return current;
}

/** Switches elder mode on or off, remembers the choice and restyles every open page. */
export function setElderMode(elder: boolean): void {
  writeStored(STORAGE_KEY, storedElderMode(elder));
  current = { ...elderModeNow(), elder };
  const mode = current;
  listeners.forEach((listener) => listener(mode));
}

export function useElderMode(): ElderMode & { setElder: (elder: boolean) => void } {
  const [mode, setMode] = useState(elderModeNow);
  useEffect(() => {
    listeners.add(setMode);
    // the mode may have changed between the first render and now
    setMode(elderModeNow());
    return () => {
      listeners.delete(setMode);
    };
  }, []);
  return { ...mode, setElder: setElderMode };
}

/**
 * The page root's class and style: `<View {...usePageClass('home')}>` gives
 * class "page home" (+ " elder") and the `--font-scale` variable app.css multiplies sizes by.
 */
export function usePageClass(base: string): { className: string; style: Record<string, string> } {
  const { elder, fontScale } = useElderMode();
  return { className: pageClassName(base, elder), style: pageStyle(fontScale) };
}
