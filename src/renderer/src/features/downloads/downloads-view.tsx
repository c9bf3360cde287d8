import { useMemo, useState } from 'react';
import { JOB_STATES, type JobState } from '../../../../shared/types';
import { EmptyState } from '../../components/empty-state';
import { ErrorNote } from '../../components/error-note';
import { JobRow } from './job-row';
import { useJobs } from './use-jobs';
import { QueueControls } from './queue-controls';
import './downloads.css';

type Filter = 'all' | JobState;
const FILTER_LABELS: Record<Filter, string> = { all: 'All', queued: 'Queued', active: 'Downloading', succeeded: 'Done', failed: 'Failed', cancelled: 'Cancelled' };
const STEP = 200;

export function DownloadsView({ onOpenVideo }: { onOpenVideo: (videoId: string) => void }) {
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
        <h2 id="downloads-title">Downloads</h2>
        <QueueControls />
      </header>
      <div className="filters" role="group" aria-label="Show downloads by state">
        {(['all', ...JOB_STATES] as Filter[]).map((f) => (
          <button key={f} type="button" className="chip" aria-pressed={filter === f} onClick={() => setFilter(f)}>
            {FILTER_LABELS[f]} <span className="chip-count">{counts[f]}</span>
          </button>
        ))}
      </div>
      {error && <ErrorNote error={error} />}
      {loading ? (
        <p className="muted" role="status">Loading downloads…</p>
      ) : visible.length === 0 ? (
        filter === 'all' ? (
          <EmptyState title="Nothing downloading">Paste a video link in the field at the top and press Enter. Its progress shows up here.</EmptyState>
        ) : (
          <EmptyState title={`No ${FILTER_LABELS[filter].toLowerCase()} downloads`}>Choose “All” to see every download.</EmptyState>
        )
      ) : (
        <ul className="job-list" aria-label="Downloads">
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
          Show more
        </button>
      )}
    </section>
  );
}
