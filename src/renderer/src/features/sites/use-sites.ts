import { useCallback, useEffect, useState } from 'react';
import { api } from '../../lib/api';
import { asErrorInfo } from '../../lib/errors';
import type { Req, Res } from '../../../../shared/contract';
import type { ErrorInfo } from '../../../../shared/errors';

export type SitesView = Res<'sites.get'>;

/** The Sites settings; `run` calls a channel, reloads the view, and keeps the error for the section that asked. */
export function useSites() {
  const [view, setView] = useState<SitesView | null>(null);
  const [error, setError] = useState<ErrorInfo | null>(null);
  const reload = useCallback(async () => {
    try {
      setView(await api.invoke('sites.get', {}));
      setError(null);
    } catch (e) {
      setError(asErrorInfo(e));
    }
  }, []);
  useEffect(() => {
    void reload();
  }, [reload]);
  const save = useCallback(async (patch: Req<'sites.set'>) => {
    const next = await api.invoke('sites.set', patch);
    setView(next);
    return next;
  }, []);
  return { view, error, reload, save };
}

/** One action's busy / done / error state, for a section's button and its live note. */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorInfo | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const run = useCallback(async (fn: () => Promise<string | null>) => {
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      setDone(await fn());
    } catch (e) {
      setError(asErrorInfo(e));
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, error, done, run };
}
