import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../../lib/api';
import { asErrorInfo } from '../../lib/errors';
import type { Req } from '../../../../shared/contract';
import type { Page, Video } from '../../../../shared/types';
import type { ErrorInfo } from '../../../../shared/errors';

export type LibraryQuery = Omit<Req<'library.search'>, 'limit' | 'cursor'>;

export interface LibraryState {
  items: Video[];
  /** Rows to lay out: the total, or (past the core's counting cap) what is loaded plus one more page. */
  total: number;
  /** The search matched more than the core counted: at least `matched` match ("20,000+"). */
  totalAtLeast: boolean;
  /** How many are known to match: the total, or past the cap its floor (or what is loaded, when more). */
  matched: number;
  loading: boolean;
  /** The first page for the current query has arrived. */
  ready: boolean;
  error: ErrorInfo | null;
  /** Call with the last index on screen; fetches the next page when it gets close. */
  ensure: (index: number) => void;
  reload: () => void;
}

const PAGE = 200;

const videoListeners = new Set<(v: Video) => void>();
/** A video changed by an action here (Keep): lists on screen show it at once, before any reload. */
export function publishVideo(v: Video): void {
  for (const l of videoListeners) l(v);
}

export const DEFAULT_LIBRARY_QUERY: LibraryQuery = { query: '', sort: 'added', kind: 'all' };
let prefetched: { key: string; page: Promise<Page<Video>> } | null = null;

/**
 * Starts the first page of the default view before React has rendered anything, so the library's
 * first paint does not wait for the component tree to mount.
 */
export function prefetchLibrary(): void {
  const key = JSON.stringify(DEFAULT_LIBRARY_QUERY);
  prefetched = { key, page: api.invoke('library.search', { ...DEFAULT_LIBRARY_QUERY, limit: PAGE }) };
  prefetched.page.catch(() => undefined);
}

function takePrefetched(key: string): Promise<Page<Video>> | null {
  const p = prefetched && prefetched.key === key ? prefetched.page : null;
  prefetched = null;
  return p;
}

/** Paged library.search for a query; pages load in order as the user scrolls. */
export function useLibrary(query: LibraryQuery): LibraryState {
  const [items, setItems] = useState<Video[]>([]);
  const [total, setTotal] = useState(0);
  const [totalAtLeast, setTotalAtLeast] = useState(false);
  const [matched, setMatched] = useState(0);
  const [loading, setLoading] = useState(true);
  const [ready, setReady] = useState(false);
  const [error, setError] = useState<ErrorInfo | null>(null);
  const gen = useRef(0);
  const cursor = useRef<string | undefined>(undefined);
  const inFlight = useRef(false);
  const key = JSON.stringify(query);
  const loaded = useRef(0);

  const load = useCallback(
    (fresh: boolean, keep = 0) => {
      const g = fresh ? ++gen.current : gen.current;
      if (!fresh && (inFlight.current || !cursor.current)) return;
      inFlight.current = true;
      setLoading(true);
      const limit = Math.min(500, Math.max(PAGE, keep));
      const early = fresh && keep === 0 ? takePrefetched(key) : null;
      (early ?? api.invoke('library.search', { ...(JSON.parse(key) as LibraryQuery), limit, ...(fresh ? {} : { cursor: cursor.current }) })).then(
        (page) => {
          if (g !== gen.current) return;
          inFlight.current = false;
          cursor.current = page.nextCursor;
          const count = (fresh ? 0 : loaded.current) + page.items.length;
          setItems((prev) => {
            const next = fresh ? page.items : prev.concat(page.items);
            loaded.current = next.length;
            return next;
          });
          // Past the cap the grid grows as pages arrive, so scrolling never ends at the floor.
          setTotal(page.totalAtLeast ? Math.max(page.total, count + (page.nextCursor ? PAGE : 0)) : page.total);
          setTotalAtLeast(page.totalAtLeast === true);
          setMatched(page.totalAtLeast ? Math.max(page.total, count) : page.total);
          setLoading(false);
          setReady(true);
          setError(null);
        },
        (e: unknown) => {
          if (g !== gen.current) return;
          inFlight.current = false;
          setLoading(false);
          setReady(true);
          setError(asErrorInfo(e));
        },
      );
    },
    [key],
  );

  useEffect(() => {
    cursor.current = undefined;
    inFlight.current = false;
    load(true);
  }, [load]);

  useEffect(() => {
    const patch = (v: Video) => setItems((prev) => (prev.some((x) => x.id === v.id) ? prev.map((x) => (x.id === v.id ? v : x)) : prev));
    videoListeners.add(patch);
    return () => void videoListeners.delete(patch);
  }, []);

  useEffect(() => {
    // Reload what is on screen after a download lands or a video is deleted.
    let t: ReturnType<typeof setTimeout> | null = null;
    const off = api.on('library.changed', () => {
      if (t) return;
      t = setTimeout(() => {
        t = null;
        load(true, loaded.current);
      }, 300);
    });
    // The web host may have restarted (or the library changed) while the socket was down.
    const offConn = api.onConnection(({ connected }) => {
      if (connected) load(true, loaded.current);
    });
    return () => {
      off();
      offConn();
      if (t) clearTimeout(t);
    };
  }, [load]);

  const ensure = useCallback(
    (index: number) => {
      // Far behind (the scrollbar was dragged): catch up in the largest pages the contract allows.
      if (index >= loaded.current - PAGE / 2) load(false, index - loaded.current > 2 * PAGE ? 500 : 0);
    },
    [load],
  );
  const reload = useCallback(() => load(true, loaded.current), [load]);
  return { items, total, totalAtLeast, matched, loading, ready, error, ensure, reload };
}
