import { formatMs, formatWhen } from '../../lib/format';
import type { JobView } from '../../../../shared/types';

const STATE = { succeeded: 'Succeeded', failed: 'Failed', cancelled: 'Cancelled', queued: 'Waiting', active: 'Running' } as const;

export function HistoryTable({ jobs }: { jobs: JobView[] }) {
  return (
    <section aria-labelledby="hist-title" className="panel">
      <h3 id="hist-title">Recent history</h3>
      {jobs.length === 0 ? (
        <p className="muted">No finished jobs yet.</p>
      ) : (
        <table className="table">
          <thead>
            <tr><th scope="col">Job</th><th scope="col">Result</th><th scope="col" className="num">Tries</th><th scope="col" className="num">Run time</th><th scope="col">Finished</th><th scope="col">Error</th></tr>
          </thead>
          <tbody>
            {jobs.map((j) => (
              <tr key={j.id}>
                <td className="ellipsis" title={j.label}>{j.label}</td>
                <td><span className={`pill pill-${j.state}`}>{STATE[j.state]}</span>{j.stopping && <span className="muted"> Stopping…</span>}</td>
                <td className="num">{j.tries}/{j.maxTries}</td>
                <td className="num">{j.startedAt && j.finishedAt ? formatMs(j.finishedAt - j.startedAt) : '—'}</td>
                <td>{formatWhen(j.finishedAt)}</td>
                <td className="ellipsis" title={j.error?.hint}>{j.error ? `${j.error.code}: ${j.error.message}` : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
