import { useMemo, useState } from 'react';
import { JOB_STATES, type JobState } from '../../../../shared/types';
import { EmptyState } from '../../components/empty-state';
import { ErrorNote } from '../../components/error-note';
import { JobRow } from './job-row';
import { useJobs } from './use-jobs';
import { QueueControls } from './queue-controls';
import { useT } from '../../i18n/use-t';
import './downloads.css';

type Filter = 'all' | JobState;
const STEP = 200;

export function DownloadsView({ onOpenVideo }: { onOpenVideo: (videoId: string) => void }) {
  const t = useT();
  const { jobs, loading, error, nextCursor, loadMore } = useJobs();
  const [filter, setFilter] = useState<Filter>('all');
  const [shown, setShown] = useState(STEP);
  const counts = useMemo(() => {
    const c: Record<Filter, number> = { all: jobs.length, queued: 0, active: 0, succeeded: 0, failed: 0, cancelled: 0 };
    for (const j of jobs) c[j.state]++;
    return c;
  }, [jobs]);
  const visible = useMemo(() => (filter === 'all' ? jobs : jobs.filter((j) => j.state === filter)), [jobs, filter]);

  return (
    <section className="view downloads" aria-labelledby="downloads-title">
      <header className="view-header">
        <h2 id="downloads-title">{t('downloads.title')}</h2>
        <QueueControls />
      </header>
      <div className="filters" role="group" aria-label={t('downloads.filters')}>
        {(['all', ...JOB_STATES] as Filter[]).map((f) => (
          <button key={f} type="button" className="chip" aria-pressed={filter === f} onClick={() => setFilter(f)}>
            {t(`downloads.filter.${f}`)} <span className="chip-count">{counts[f]}</span>
          </button>
        ))}
      </div>
      {error && <ErrorNote error={error} />}
      {loading ? (
        <p className="muted" role="status">{t('downloads.loading')}</p>
      ) : visible.length === 0 ? (
        filter === 'all' ? (
          <EmptyState title={t('downloads.empty.title')}>{t('downloads.empty.body')}</EmptyState>
        ) : (
          <EmptyState title={t('downloads.emptyFiltered.title', { state: filter })}>{t('downloads.emptyFiltered.body')}</EmptyState>
        )
      ) : (
        <ul className="job-list" aria-label={t('downloads.list')}>
          {visible.slice(0, shown).map((j) => (
            <JobRow key={j.id} job={j} onOpenVideo={onOpenVideo} />
          ))}
        </ul>
      )}
      {(visible.length > shown || nextCursor) && (
        <button
          type="button"
          className="btn"
          onClick={() => {
            setShown((n) => n + STEP);
            if (visible.length <= shown + STEP) void loadMore();
          }}
        >
          {t('downloads.showMore')}
        </button>
      )}
    </section>
  );
}
