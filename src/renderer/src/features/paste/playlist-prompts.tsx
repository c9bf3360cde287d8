import { useEffect, useState } from 'react';
import { api } from '../../lib/api';
import { asErrorInfo } from '../../lib/errors';
import type { DownloadOptions } from '../../../../shared/types';
import type { ErrorInfo } from '../../../../shared/errors';
import { useIntl } from 'react-intl';
import { t } from '../../i18n/t';
import { errorText } from '../../i18n/error-text';

interface Prompt {
  jobId: string;
  url: string;
  title: string | null;
  count: number;
  error?: ErrorInfo;
}

/** A playlist link first comes back asking for consent; each one is asked about here. */
export function PlaylistPrompts({ options }: { options: DownloadOptions }) {
  const intl = useIntl();
  const [prompts, setPrompts] = useState<Prompt[]>([]);
  useEffect(
    () =>
      api.on('jobs.changed', ({ job, kind }) => {
        const r = job?.download?.result;
        if (!job || kind !== 'succeeded' || !r || !('needsConfirm' in r)) return;
        const p: Prompt = { jobId: job.id, url: r.url, title: r.playlistTitle, count: r.count };
        setPrompts((ps) => (ps.some((x) => x.jobId === p.jobId) ? ps : [...ps, p]));
      }),
    [],
  );
  const drop = (jobId: string) => setPrompts((ps) => ps.filter((p) => p.jobId !== jobId));
  const confirm = async (p: Prompt) => {
    try {
      await api.invoke('jobs.add', { urls: [p.url], confirmPlaylist: true, options });
      drop(p.jobId);
    } catch (e) {
      setPrompts((ps) => ps.map((x) => (x.jobId === p.jobId ? { ...x, error: asErrorInfo(e) } : x)));
    }
  };
  if (prompts.length === 0) return null;
  return (
    <div className="playlist-prompts">
      {prompts.map((p) => (
        <div key={p.jobId} className="offer" role="group" aria-label={t(intl, 'playlist.label')}>
          <span>{t(intl, 'playlist.found', { title: p.title ?? p.url, count: p.count })}</span>
          <button type="button" className="btn btn-small btn-primary" onClick={() => confirm(p)}>
            {t(intl, 'playlist.downloadAll')}
          </button>
          <button type="button" className="btn btn-small btn-quiet" onClick={() => drop(p.jobId)}>
            {t(intl, 'playlist.dismiss')}
          </button>
          {p.error && <span className="inline-error" role="alert">{errorText(intl, p.error).message}</span>}
        </div>
      ))}
    </div>
  );
}
