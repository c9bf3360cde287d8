import { useEffect, useState } from 'react';
import { api } from '../../lib/api';
import { asErrorInfo } from '../../lib/errors';
import { formatBytes } from '../../lib/format';
import { ErrorNote } from '../../components/error-note';
import type { Collection } from '../../../../shared/types';
import type { ErrorInfo } from '../../../../shared/errors';
import { useLibrary, type LibraryQuery } from './use-library';
import { VideoGrid } from './video-grid';
import { DiskLine } from './disk-line';
import { useIntl } from 'react-intl';
import { useT } from '../../i18n/use-t';

export interface CollectionRef {
  kind: Collection['kind'];
  name: string;
}

interface Props {
  collection: CollectionRef;
  onBack: () => void;
  onOpenVideo: (videoId: string) => void;
}

/** A channel's page (newest first) or a playlist kept whole (in its own order), with its totals. */
export function CollectionView({ collection, onBack, onOpenVideo }: Props) {
  const t = useT();
  const intl = useIntl();
  const [summary, setSummary] = useState<Collection | null>(null);
  const [error, setError] = useState<ErrorInfo | null>(null);
  const query: LibraryQuery =
    collection.kind === 'channel' ? { query: '', sort: 'added', uploader: collection.name } : { query: '', sort: 'playlist', playlist: collection.name };
  const lib = useLibrary(query);

  useEffect(() => {
    let live = true;
    const load = () =>
      api.invoke('library.collection', collection).then(
        (c) => live && (setSummary(c), setError(null)),
        (e: unknown) => live && setError(asErrorInfo(e)),
      );
    void load();
    const off = api.on('library.changed', () => void load());
    return () => {
      live = false;
      off();
    };
  }, [collection]);

  return (
    <section className="view library collection" aria-labelledby="collection-title">
      <header className="collection-head">
        <button type="button" className="btn btn-quiet" onClick={onBack}>
          {t('collection.back')}
        </button>
        <span className="avatar" aria-hidden="true">
          {summary?.avatarVideoId ? <img src={api.thumbUrl(summary.avatarVideoId)} alt="" /> : collection.name.slice(0, 1).toUpperCase()}
        </span>
        <div className="collection-text">
          <p className="muted collection-kind">{t('collection.kind', { kind: collection.kind })}</p>
          <h2 id="collection-title">{collection.name}</h2>
          {summary && (
            <p className="muted collection-stats" data-testid="collection-stats">
              {t('collection.stats', {
                count: summary.count,
                size: formatBytes(intl, summary.sizeBytes),
                watched: summary.watchedCount,
                percent: Math.round((summary.watchedCount / Math.max(1, summary.count)) * 100),
              })}
            </p>
          )}
          {collection.kind === 'channel' && <DiskLine channel={collection.name} />}
        </div>
        {summary && (
          <button
            type="button"
            className="btn"
            onClick={() =>
              api.invoke('library.setCollectionWatched', { ...collection, watched: summary.watchedCount < summary.count }).then(setSummary, (e: unknown) => setError(asErrorInfo(e)))
            }
          >
            {t(summary.watchedCount < summary.count ? 'collection.markAllWatched' : 'collection.markAllUnwatched')}
          </button>
        )}
        {summary?.sourceUrl && (
          <a className="btn" href={summary.sourceUrl} target="_blank" rel="noopener noreferrer">
            {t('collection.openSource', { kind: collection.kind })}
          </a>
        )}
      </header>
      {(error ?? lib.error) && <ErrorNote error={(error ?? lib.error)!} />}
      {lib.ready && <VideoGrid items={lib.items} total={lib.total} layout="list" resetKey={JSON.stringify(query)} ensure={lib.ensure} onOpen={onOpenVideo} />}
    </section>
  );
}
