import { memo, useState } from 'react';
import { useIntl } from 'react-intl';
import { api } from '../../lib/api';
import { asErrorInfo } from '../../lib/errors';
import type { ErrorInfo } from '../../../../shared/errors';
import type { Download, JobView } from '../../../../shared/types';
import { jobStore } from './job-store';
import { rateText, sizeText, stageText } from './job-text';
import { useJobProgress } from './use-jobs';
import { ProgressBar } from './progress-bar';
import { JobThumb } from './job-thumb';
import { ErrorLine } from '../../components/error-note';
import { t } from '../../i18n/t';

interface Props {
  job: Download;
  onOpenVideo?: (videoId: string) => void;
}

/** One job. Memoized: only a change to this job or its own progress re-renders it. */
export const JobRow = memo(function JobRow({ job, onOpenVideo }: Props) {
  const intl = useIntl();
  const p = useJobProgress(job.id);
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<ErrorInfo | null>(null);
  const [revealed, setRevealed] = useState<string | null>(null);
  const url = job.url;
  const title = p?.title || job.title;
  const videoId = job.videoId;
  const titleId = `job-title-${job.id}`;

  const act = async (fn: () => Promise<JobView | { removed: boolean }>) => {
    setBusy(true);
    setActionError(null);
    try {
      const r = await fn();
      if ('id' in r) jobStore.apply(r);
      else if (r.removed) jobStore.forget(job.id);
    } catch (e) {
      setActionError(asErrorInfo(e));
    } finally {
      setBusy(false);
    }
  };

  const active = job.state === 'active';
  const percent = active ? (p?.percent ?? null) : null;
  const { speed, eta } = rateText(intl, active ? p : null);
  const size = sizeText(intl, p);

  return (
    <li className="job-row" role="listitem" data-job-id={job.id} data-state={job.state} aria-labelledby={titleId}>
      <JobThumb videoId={videoId} url={p?.thumbnailUrl} />
      <div className="job-main">
        <div className="job-title" id={titleId} title={title}>
          {title}
        </div>
        {url && url !== title && <div className="job-url">{url}</div>}
        <div className="job-meta">
          <span className={`job-stage state-${job.state}`}>{stageText(intl, job, p)}</span>
          {active && percent !== null && <span className="job-percent">{Math.floor(percent)}%</span>}
          {size && <span>{size}</span>}
          {speed && <span>{speed}</span>}
          {eta && <span>{eta}</span>}
          {job.tries > 1 && <span>{t(intl, 'downloads.row.try', { tries: job.tries, maxTries: job.maxTries })}</span>}
        </div>
        {active && <ProgressBar value={percent} label={t(intl, 'downloads.row.progressOf', { title })} />}
        {job.state === 'failed' && job.error && (
          <p className="job-error">
            <ErrorLine error={job.error} />
          </p>
        )}
        {revealed && <p className="job-url">{t(intl, 'downloads.row.file', { path: revealed })}</p>}
        {actionError && (
          <p className="job-error" role="alert">
            <ErrorLine error={actionError} />
          </p>
        )}
      </div>
      <div className="job-actions">
        {job.state === 'queued' && (
          <button type="button" className="btn btn-quiet" disabled={busy} aria-label={t(intl, 'downloads.row.next.label', { title })} onClick={() => act(() => api.invoke('jobs.promote', { jobId: job.id }))}>
            {t(intl, 'downloads.row.next')}
          </button>
        )}
        {(job.state === 'queued' || active) && (
          <button type="button" className="btn btn-quiet" disabled={busy} aria-label={t(intl, 'downloads.row.cancel.label', { title })} onClick={() => act(() => api.invoke('jobs.cancel', { jobId: job.id }))}>
            {t(intl, 'downloads.row.cancel')}
          </button>
        )}
        {(job.state === 'failed' || job.state === 'cancelled') && (
          <button type="button" className="btn btn-quiet" disabled={busy} aria-label={t(intl, 'downloads.row.retry.label', { title })} onClick={() => act(() => api.invoke('jobs.retry', { jobId: job.id }))}>
            {t(intl, 'downloads.row.retry')}
          </button>
        )}
        {job.state === 'succeeded' && videoId && onOpenVideo && (
          <button type="button" className="btn btn-quiet" aria-label={t(intl, 'downloads.row.play.label', { title })} onClick={() => onOpenVideo(videoId)}>
            {t(intl, 'downloads.row.play')}
          </button>
        )}
        {job.state === 'succeeded' && videoId && (
          <button type="button" className="btn btn-quiet" disabled={busy} aria-label={t(intl, 'downloads.row.showInFolder.label', { title })} onClick={() => act(async () => {
              setRevealed((await api.invoke('library.reveal', { videoId })).path);
              return { removed: false };
            })}>
            {t(intl, 'downloads.row.showInFolder')}
          </button>
        )}
        {!active && job.state !== 'queued' && (
          <button type="button" className="btn btn-quiet" disabled={busy} aria-label={t(intl, 'downloads.row.remove.label', { title })} onClick={() => act(() => api.invoke('jobs.remove', { jobId: job.id }))}>
            {t(intl, 'downloads.row.remove')}
          </button>
        )}
      </div>
    </li>
  );
});
