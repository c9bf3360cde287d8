import { useSyncExternalStore } from 'react';

const subs = new Set<() => void>();
let now = Date.now();
let timer: ReturnType<typeof setInterval> | null = null;
const EVERY_MS = 30_000;

function subscribe(fn: () => void): () => void {
  subs.add(fn);
  if (!timer) {
    now = Date.now();
    timer = setInterval(() => {
      now = Date.now();
      for (const s of subs) s();
    }, EVERY_MS);
  }
  return () => {
    subs.delete(fn);
    if (subs.size === 0 && timer) {
      clearInterval(timer);
      timer = null;
    }
  };
}

/** The time, refreshed every 30 s while anything shows it: one timer for every relative time. */
export function useNow(): number {
  return useSyncExternalStore(subscribe, () => now, () => now);
}
