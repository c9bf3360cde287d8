import { useEffect, useState } from 'react';
import { api } from '../../lib/api';
import { asErrorInfo } from '../../lib/errors';
import { formatMs } from '../../lib/format';
import { throttle } from '../../lib/throttle';
import { useQueueMetrics } from '../../hooks/use-queue-metrics';
import { ErrorNote } from '../../components/error-note';
import { JOB_STATES, type JobView, type ScheduleView } from '../../../../shared/types';
import type { ErrorInfo } from '../../../../shared/errors';
import { HistoryTable } from './history-table';
import { SchedulesTable } from './schedules-table';
import { useIntl } from 'react-intl';
import { t } from '../../i18n/t';
import './queue.css';

function useQueueDetails(): { schedules: ScheduleView[]; history: JobView[]; error: ErrorInfo | null } {
  const [schedules, setSchedules] = useState<ScheduleView[]>([]);
  const [history, setHistory] = useState<JobView[]>([]);
  const [error, setError] = useState<ErrorInfo | null>(null);
  useEffect(() => {
    const load = async () => {
      try {
        const [s, ok, bad, cancelled] = await Promise.all([
          api.invoke('queue.schedules', {}),
          api.invoke('jobs.list', { state: 'succeeded', limit: 50 }),
          api.invoke('jobs.list', { state: 'failed', limit: 50 }),
          api.invoke('jobs.list', { state: 'cancelled', limit: 20 }),
        ]);
        setSchedules(s);
        setHistory([...ok.items, ...bad.items, ...cancelled.items].sort((a, b) => (b.finishedAt ?? 0) - (a.finishedAt ?? 0)).slice(0, 60));
        setError(null);
      } catch (e) {
        setError(asErrorInfo(e));
      }
    };
    void load();
    const t = throttle(() => void load(), 2000);
    const off = api.on('jobs.changed', t);
    return () => {
      off();
      t.cancel();
    };
  }, []);
  return { schedules, history, error };
}

/** What the queue is doing: counts, depths, run times, failures, schedules and recent history. */
export function QueueView() {
  const intl = useIntl();
  const { metrics, error } = useQueueMetrics();
  const details = useQueueDetails();
  const failures = Object.entries(metrics?.failuresByCode ?? {}).sort((a, b) => b[1] - a[1]);
  const depths = Object.entries(metrics?.depthByQueue ?? {});
  return (
    <section className="view queue" aria-labelledby="queue-title">
      <header className="view-header">
        <h2 id="queue-title">{t(intl, 'queue.title')}</h2>
        {metrics && <span className={`pill ${metrics.paused ? 'pill-warn' : 'pill-ok'}`}>{metrics.paused ? t(intl, 'queue.paused') : t(intl, 'queue.running')}</span>}
      </header>
      {error && <ErrorNote error={error} />}
      {metrics && (
        <>
          <div className="stats" role="list" aria-label={t(intl, 'queue.byState')}>
            {JOB_STATES.map((s) => (
              <div key={s} className={`stat stat-${s}`} role="listitem">
                <span className="stat-value">{intl.formatNumber(metrics.counts[s])}</span>
                <span className="stat-label">{t(intl, `queue.state.${s}`)}</span>
              </div>
            ))}
          </div>
          <div className="stats" role="list" aria-label={t(intl, 'queue.runTimes')}>
            <div className="stat" role="listitem"><span className="stat-value">{formatMs(intl, metrics.avgRunMs)}</span><span className="stat-label">{t(intl, 'queue.avgRun')}</span></div>
            <div className="stat" role="listitem"><span className="stat-value">{formatMs(intl, metrics.p95RunMs)}</span><span className="stat-label">{t(intl, 'queue.p95Run')}</span></div>
            <div className="stat" role="listitem"><span className="stat-value">{intl.formatNumber(metrics.throughputPerHour)}</span><span className="stat-label">{t(intl, 'queue.throughput')}</span></div>
          </div>
          <div className="two-col">
            <section aria-labelledby="depth-title" className="panel">
              <h3 id="depth-title">{t(intl, 'queue.depth.title')}</h3>
              {depths.length === 0 ? <p className="muted">{t(intl, 'queue.depth.none')}</p> : (
                <table className="table">
                  <thead><tr><th scope="col">{t(intl, 'queue.depth.queue')}</th><th scope="col" className="num">{t(intl, 'queue.depth.waiting')}</th></tr></thead>
                  <tbody>
                    {depths.map(([q, n]) => (
                      <tr key={q}><td>{q}{metrics.pausedQueues.includes(q) && <span className="pill pill-warn">{t(intl, 'queue.depth.paused')}</span>}</td><td className="num">{n}</td></tr>
                    ))}
                  </tbody>
                </table>
              )}
            </section>
            <section aria-labelledby="fail-title" className="panel">
              <h3 id="fail-title">{t(intl, 'queue.failures.title')}</h3>
              {failures.length === 0 ? <p className="muted">{t(intl, 'queue.failures.none')}</p> : (
                <table className="table">
                  <thead><tr><th scope="col">{t(intl, 'queue.failures.cause')}</th><th scope="col" className="num">{t(intl, 'queue.failures.count')}</th></tr></thead>
                  <tbody>{failures.map(([c, n]) => <tr key={c}><td><code>{c}</code></td><td className="num">{n}</td></tr>)}</tbody>
                </table>
              )}
            </section>
          </div>
        </>
      )}
      {!metrics && !error && <p className="muted" role="status">{t(intl, 'queue.loading')}</p>}
      {details.error && <ErrorNote error={details.error} />}
      <SchedulesTable schedules={details.schedules} />
      <HistoryTable jobs={details.history} />
    </section>
  );
}
