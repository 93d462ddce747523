// The resident's centre, remembered on the phone: picked on the home screen or last opened.
import { useEffect, useState } from 'react';
import { parseMyCenter, type MyCenter } from '@/lib/myCenter';
import { readStored, removeStored, writeStored } from '@/platform/storage';

const STORAGE_KEY = 'my-center';
const listeners = new Set<(center: MyCenter | null) => void>();

export function readMyCenter(): MyCenter | null {
  return parseMyCenter(readStored(STORAGE_KEY));
}

/** Remembers the centre (or forgets it with null) and tells the open pages. */
export function rememberMyCenter(center: MyCenter | null): void {
  if (center) writeStored(STORAGE_KEY, center);
  else removeStored(STORAGE_KEY);
  listeners.forEach((listener) => listener(center));
}

export function useMyCenter(): [MyCenter | null, (center: MyCenter | null) => void] {
  const [center, setCenter] = useState(readMyCenter);
  useEffect(() => {
    listeners.add(setCenter);
    setCenter(readMyCenter());
    return () => {
      listeners.delete(setCenter);
    };
  }, []);
  return [center, rememberMyCenter];
}
