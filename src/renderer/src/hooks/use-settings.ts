import { useCallback } from 'react';
import { api } from '../lib/api';
import { asErrorInfo } from '../lib/errors';
import { createStore, useStore } from '../lib/store';
import type { Req } from '../../../shared/contract';
import type { Settings } from '../../../shared/types';
import type { ErrorInfo } from '../../../shared/errors';

interface SettingsState {
  settings: Settings | null;
  error: ErrorInfo | null;
}

const store = createStore<SettingsState>({ settings: null, error: null });
let started = false;

function start(): void {
  if (started) return;
  started = true;
  api.on('settings.changed', (settings) => store.set({ settings, error: null }));
  const load = () =>
    api.invoke('settings.get', {}).then(
      (settings) => store.set({ settings, error: null }),
      (e: unknown) => store.set({ settings: store.get().settings, error: asErrorInfo(e) }),
    );
  void load();
  // After the web socket comes back the host may have restarted with other settings.
  api.onConnection(({ connected }) => {
    if (connected) void load();
  });
}

/** Settings, live; `save` resolves to the saved settings or throws the error to show inline. */
export function useSettings(): SettingsState & { save: (patch: Req<'settings.set'>) => Promise<Settings> } {
  start();
  const state = useStore(store);
  const save = useCallback(async (patch: Req<'settings.set'>) => {
    try {
      const next = await api.invoke('settings.set', patch);
      store.set({ settings: next, error: null });
      return next;
    } catch (e) {
      throw asErrorInfo(e);
    }
  }, []);
  return { ...state, save };
}
