import { useEffect, useRef, useState } from 'react';
import { api } from '../../lib/api';
import { asErrorInfo } from '../../lib/errors';
import { formatBytes, formatDate, formatDuration } from '../../lib/format';
import { ErrorNote } from '../../components/error-note';
import type { Video } from '../../../../shared/types';
import type { ErrorInfo } from '../../../../shared/errors';
import { publishVideo } from './use-library';
import { useIntl } from 'react-intl';
import { useT } from '../../i18n/use-t';
import { Player } from '../player/player';
import { useSettings } from '../../hooks/use-settings';
import type { CollectionRef } from './collection-view';

interface Props {
  videoId: string;
  /** Start here (a subtitle search hit) rather than where it was left. */
  startAt?: number;
  onClose: () => void;
  onOpenCollection: (c: CollectionRef) => void;
}

/** The player and everything known about one video, in a modal dialog (Escape closes it). */
export function VideoDetail({ videoId, startAt, onClose, onOpenCollection }: Props) {
  const t = useT();
  const intl = useIntl();
  const { settings } = useSettings();
  const dialog = useRef<HTMLDialogElement>(null);
  const [video, setVideo] = useState<Video | null>(null);
  const [error, setError] = useState<ErrorInfo | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [note, setNote] = useState<string | null>(null);

  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
    return () => d?.close();
  }, []);
  // The newest answer wins: a read that was asked before a change this view made (or a later read)
  // never puts the older state back on screen.
  const asked = useRef(0);
  const show = (v: Video) => {
    asked.current++;
    setVideo(v);
  };
  useEffect(() => {
    let live = true;
    const read = (onError: (e: unknown) => void) => {
      const mine = ++asked.current;
      api.invoke('library.get', { videoId }).then((v) => live && mine === asked.current && setVideo(v), onError);
    };
    read((e: unknown) => live && setError(asErrorInfo(e)));
    // Watched here or in another tab or window: the state shown follows the database.
    const off = api.on('library.changed', ({ videoIds }) => {
      if (videoIds.length === 0 || videoIds.includes(videoId)) read(() => undefined);
    });
    return () => {
      live = false;
      off();
    };
  }, [videoId]);

  const run = async (fn: () => Promise<void>) => {
    setError(null);
    try {
      await fn();
    } catch (e) {
      setError(asErrorInfo(e));
    }
  };
  const remove = () =>
    run(async () => {
      await api.invoke('library.delete', { videoId });
      onClose();
    });
  const toggleKeep = () =>
    run(async () => {
      if (!video) return;
      const next = await api.invoke('library.setKeep', { videoId, keep: !video.keep });
      show(next);
      publishVideo(next);
    });
  const reveal = () =>
    run(async () => {
      const r = await api.invoke('library.reveal', { videoId });
      setNote(t('video.fileAt', { path: r.path }));
    });

  const title = video?.title ?? t('video.fallbackTitle');
  return (
    <dialog ref={dialog} className="detail" aria-labelledby="detail-title" onClose={onClose}>
      <div className="detail-head">
        <div className="detail-heading">
          <h2 id="detail-title">{title}</h2>
          {video?.keep && <span className="pill pill-ok kept-pill">{t('video.kept')}</span>}
        </div>
        <button type="button" className="btn btn-quiet" onClick={onClose} aria-label={t('video.close')}>
          ✕
        </button>
      </div>
      <div className="detail-player">
        {video?.missing ? (
          <p className="note note-error">{t('video.fileMissing')}</p>
        ) : (
          video && settings && <Player key={videoId} video={video} {...(startAt !== undefined ? { startAt } : {})} defaultLang={settings.subtitleLanguage} onVideo={show} />
        )}
      </div>
      {error && <ErrorNote error={error} />}
      {note && <p className="note note-info">{note}</p>}
      {video && (
        <dl className="meta">
          {video.uploader && (<><dt>{t('video.meta.uploader')}</dt><dd><button type="button" className="link-button" onClick={() => onOpenCollection({ kind: 'channel', name: video.uploader! })}>{video.uploader}</button></dd></>)}
          <dt>{t('video.meta.watched')}</dt><dd>{video.watchState === 'watched' ? t('video.meta.watched.yes') : video.watchState === 'in-progress' ? t('video.meta.watched.stoppedAt', { time: formatDuration(video.positionSec) }) : t('video.meta.watched.no')}</dd>
          {video.durationSec !== null && (<><dt>{t('video.meta.duration')}</dt><dd>{formatDuration(video.durationSec)}</dd></>)}
          {video.sizeBytes !== null && (<><dt>{t('video.meta.size')}</dt><dd>{formatBytes(intl, video.sizeBytes)}</dd></>)}
          <dt>{t('video.meta.site')}</dt><dd>{video.site}</dd>
          <dt>{t('video.meta.added')}</dt><dd>{formatDate(intl, video.addedAt)}</dd>
          {video.playlist && (<><dt>{t('video.meta.playlist')}</dt><dd><button type="button" className="link-button" onClick={() => onOpenCollection({ kind: 'playlist', name: video.playlist! })}>{video.playlist}</button></dd></>)}
          <dt>{t('video.meta.file')}</dt><dd><code className="path">{video.filePath}</code></dd>
        </dl>
      )}
      {video?.description && <p className="description">{video.description}</p>}
      <div className="detail-actions">
        {video && isWebLink(video.sourceUrl) && (
          <a className="btn" href={video.sourceUrl} target="_blank" rel="noopener noreferrer">
            {t('video.openSource')}
          </a>
        )}
        {video && (
          <button type="button" className="btn keep-toggle" aria-pressed={video.keep} aria-describedby="keep-help" onClick={toggleKeep}>
            <span aria-hidden="true">{video.keep ? '✓' : '☆'}</span> {t('video.keep')}
          </button>
        )}
        <button type="button" className="btn" onClick={reveal}>
          {t('video.showInFolder')}
        </button>
        {confirming ? (
          <span className="confirm" role="group" aria-label={t('video.confirmDelete')}>
            <span>{t('video.confirmDelete.question')}</span>
            <button type="button" className="btn btn-danger" onClick={remove}>
              {t('video.delete')}
            </button>
            <button type="button" className="btn btn-quiet" onClick={() => setConfirming(false)}>
              {t('video.delete.cancel')}
            </button>
          </span>
        ) : (
          <button type="button" className="btn btn-danger-quiet" onClick={() => setConfirming(true)}>
            {t('video.deleteEllipsis')}
          </button>
        )}
        {video && (
          <p id="keep-help" className="keep-help">
            {video.keep ? t('video.keepHelp.kept') : t('video.keepHelp')}
          </p>
        )}
      </div>
    </dialog>
  );
}

/** Only web pages open from here: a stored link is data, never script. */
function isWebLink(url: string): boolean {
  return /^https?:\/\//i.test(url);
}
