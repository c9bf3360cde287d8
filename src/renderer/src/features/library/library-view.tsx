import { useState } from 'react';
import { useDebounced } from '../../hooks/use-debounced';
import { useAppInfo } from '../../hooks/use-app-info';
import { EmptyState } from '../../components/empty-state';
import { ErrorNote } from '../../components/error-note';
import { LibraryToolbar, type ToolbarState } from './library-toolbar';
import { useLibrary, type LibraryQuery } from './use-library';
import { VideoGrid } from './video-grid';
import { noMatchText } from './no-match-text';
import { useSubscriptions } from '../subscriptions/subscription-store';
import { subscriptionName } from '../subscriptions/subscription-text';
import { ContinueRow } from './continue-row';
import { SubtitleHits } from './subtitle-hits';
import { useT } from '../../i18n/use-t';
import { useIntl } from 'react-intl';
import { isRunning, useImportStatus } from '../import/use-import-status';
import './library.css';
import { DiskLine } from './disk-line';

const LAYOUT_KEY = 'vidkeep.libraryLayout';

interface Props {
  onOpenVideo: (videoId: string, atSec?: number) => void;
  /** The subscription filter lives in App, so "Show videos" on the Subscriptions view can set it. */
  subscriptionId: string;
  onSubscriptionChange: (subscriptionId: string) => void;
}

export function LibraryView({ onOpenVideo, subscriptionId, onSubscriptionChange }: Props) {
  const t = useT();
  const intl = useIntl();
  const { info } = useAppInfo();
  const subs = useSubscriptions();
  const importing = useImportStatus();
  const chosen = subs.items.find((s) => s.id === subscriptionId) ?? null;
  // A subscription removed since it was chosen leaves nothing to filter by: show everything.
  const sub = subscriptionId && (chosen || subs.loading) ? subscriptionId : '';
  const [local, setLocal] = useState<Omit<ToolbarState, 'subscriptionId'>>(() => ({
    text: '',
    sort: 'added',
    site: '',
    kind: 'all',
    watch: 'all',
    layout: localStorage.getItem(LAYOUT_KEY) === 'list' ? 'list' : 'grid',
  }));
  const tb: ToolbarState = { ...local, subscriptionId: sub };
  const text = useDebounced(tb.text.trim(), 150);
  // Same key order as DEFAULT_LIBRARY_QUERY, so the prefetched first page is used.
  const query: LibraryQuery = {
    query: text,
    sort: tb.sort,
    kind: tb.kind,
    ...(tb.site ? { site: tb.site } : {}),
    ...(sub ? { subscriptionId: sub } : {}),
    ...(tb.watch !== 'all' ? { watch: tb.watch } : {}),
  };
  const lib = useLibrary(query);
  const filtered = text !== '' || tb.site !== '' || tb.kind !== 'all' || sub !== '' || tb.watch !== 'all';
  const change = ({ subscriptionId: nextSub, ...v }: ToolbarState) => {
    if (v.layout !== tb.layout) localStorage.setItem(LAYOUT_KEY, v.layout);
    if (nextSub !== sub) onSubscriptionChange(nextSub);
    setLocal(v);
  };
  const count = !lib.ready ? '' : lib.totalAtLeast ? t('library.countAtLeast', { count: lib.matched }) : t('library.count', { count: lib.total });

  if (lib.ready && !lib.error && lib.total === 0 && !filtered) {
    return (
      <section className="view library" aria-label={t('view.library')}>
        <EmptyState title={t('library.empty.title')} headingLevel={2}>
          {importing && isRunning(importing) && importing.rebuild && (
            <p role="status" aria-live="polite" className="rebuilding">
              {importing.state === 'scanning' ? t('import.rebuildingScan', { found: importing.found }) : t('import.rebuilding', { done: importing.done, found: importing.found })}
            </p>
          )}
          <p>{t('library.empty.paste')}</p>
          <p>{t('library.empty.several')}</p>
          {info && (
            <p>{t.rich('library.empty.folder', { path: <code className="path">{info.libraryDir}</code> })}</p>
          )}
        </EmptyState>
      </section>
    );
  }

  return (
    <section className="view library" aria-labelledby="library-title">
      <h2 id="library-title" className="sr-only">
        {t('view.library')}
      </h2>
      <LibraryToolbar value={tb} onChange={change} count={count} />
      <DiskLine />
      {lib.error && <ErrorNote error={lib.error} />}
      {!filtered && <ContinueRow onOpen={onOpenVideo} />}
      <SubtitleHits text={text} onOpen={onOpenVideo} />
      {!lib.ready ? (
        <p className="muted pad" role="status">
          {t('library.loading')}
        </p>
      ) : lib.total === 0 ? (
        <EmptyState title={t('library.noMatch.title')}>
          {noMatchText(intl, { text, from: sub ? (chosen ? subscriptionName(chosen) : t('library.noMatch.thisSubscription')) : null, otherFilters: tb.site !== '' || tb.kind !== 'all' || tb.watch !== 'all' })}
        </EmptyState>
      ) : (
        <VideoGrid items={lib.items} total={lib.total} layout={tb.layout} resetKey={JSON.stringify(query)} ensure={lib.ensure} onOpen={onOpenVideo} />
      )}
    </section>
  );
}
