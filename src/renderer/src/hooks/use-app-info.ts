import { api } from '../lib/api';
import { asErrorInfo } from '../lib/errors';
import { createStore, useStore } from '../lib/store';
import type { AppInfo } from '../../../shared/types';
import type { ErrorInfo } from '../../../shared/errors';

interface AppInfoState {
  info: AppInfo | null;
  error: ErrorInfo | null;
}

const store = createStore<AppInfoState>({ info: null, error: null });
let started = false;

export function loadAppInfo(): void {
  api.invoke('app.info', {}).then(
    (info) => store.set({ info, error: null }),
    (e: unknown) => store.set({ info: store.get().info, error: asErrorInfo(e) }),
  );
}

/** Replaces the cached info, e.g. after "Update yt-dlp" returned a fresh one. */
export function setAppInfo(info: AppInfo): void {
  store.set({ info, error: null });
}

export function useAppInfo(): AppInfoState {
  if (!started) {
    started = true;
    loadAppInfo();
  }
  return useStore(store);
}
