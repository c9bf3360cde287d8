import { formatDate, formatWhen } from '../../lib/format';
import type { ScheduleView } from '../../../../shared/types';

export function SchedulesTable({ schedules }: { schedules: ScheduleView[] }) {
  return (
    <section aria-labelledby="sched-title" className="panel">
      <h3 id="sched-title">Schedules</h3>
      {schedules.length === 0 ? (
        <p className="muted">No scheduled jobs.</p>
      ) : (
        <table className="table">
          <thead>
            <tr><th scope="col">Job</th><th scope="col">When</th><th scope="col">Last run</th><th scope="col">Next run</th><th scope="col">State</th></tr>
          </thead>
          <tbody>
            {schedules.map((s) => (
              <tr key={s.id}>
                <td>{s.jobName}</td>
                <td><code>{s.cron}</code></td>
                <td>{formatWhen(s.lastFireAt)}</td>
                <td title={s.nextFireAt ? formatDate(s.nextFireAt) : undefined}>{s.paused ? 'Paused' : formatWhen(s.nextFireAt)}</td>
                <td>{s.paused ? 'Paused' : s.catchUp === 'once' ? 'Active, catches up once' : 'Active'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
