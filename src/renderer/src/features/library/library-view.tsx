import { useState } from 'react';
import { useDebounced } from '../../hooks/use-debounced';
import { useAppInfo } from '../../hooks/use-app-info';
import { EmptyState } from '../../components/empty-state';
import { ErrorNote } from '../../components/error-note';
import { LibraryToolbar, type ToolbarState } from './library-toolbar';
import { useLibrary, type LibraryQuery } from './use-library';
import { VideoGrid } from './video-grid';
import './library.css';

const LAYOUT_KEY = 'vidkeep.libraryLayout';

export function LibraryView({ onOpenVideo }: { onOpenVideo: (videoId: string) => void }) {
  const { info } = useAppInfo();
  const [tb, setTb] = useState<ToolbarState>(() => ({
    text: '',
    sort: 'added',
    site: '',
    kind: 'all',
    layout: localStorage.getItem(LAYOUT_KEY) === 'list' ? 'list' : 'grid',
  }));
  const text = useDebounced(tb.text.trim(), 150);
  // Same key order as DEFAULT_LIBRARY_QUERY, so the prefetched first page is used.
  const query: LibraryQuery = { query: text, sort: tb.sort, kind: tb.kind, ...(tb.site ? { site: tb.site } : {}) };
  const lib = useLibrary(query);
  const filtered = text !== '' || tb.site !== '' || tb.kind !== 'all';
  const change = (v: ToolbarState) => {
    if (v.layout !== tb.layout) localStorage.setItem(LAYOUT_KEY, v.layout);
    setTb(v);
  };
  const count = lib.ready ? `${lib.total.toLocaleString()} ${lib.total === 1 ? 'video' : 'videos'}` : '';

  if (lib.ready && !lib.error && lib.total === 0 && !filtered) {
    return (
      <section className="view library" aria-label="Library">
        <EmptyState title="Your library is empty" headingLevel={2}>
          <p>Paste a video link to keep a copy on this computer.</p>
          <p>
            You can paste several links at once (one per line), press Ctrl+V anywhere, or drop links onto the window.
          </p>
          {info && (
            <p>
              Videos are saved in <code className="path">{info.libraryDir}</code>
            </p>
          )}
        </EmptyState>
      </section>
    );
  }

  return (
    <section className="view library" aria-labelledby="library-title">
      <h2 id="library-title" className="sr-only">
        Library
      </h2>
      <LibraryToolbar value={tb} onChange={change} count={count} />
      {lib.error && <ErrorNote error={lib.error} />}
      {!lib.ready ? (
        <p className="muted pad" role="status">
          Loading your library…
        </p>
      ) : lib.total === 0 ? (
        <EmptyState title="No videos match">
          {text ? <>Nothing in your library matches “{text}”.</> : 'Nothing matches these filters.'} Try fewer words or another filter.
        </EmptyState>
      ) : (
        <VideoGrid items={lib.items} total={lib.total} layout={tb.layout} resetKey={JSON.stringify(query)} ensure={lib.ensure} onOpen={onOpenVideo} />
      )}
    </section>
  );
}
