import { formatDate, formatWhen } from '../../lib/format';
import type { ScheduleView } from '../../../../shared/types';
import { useIntl } from 'react-intl';
import { t } from '../../i18n/t';

export function SchedulesTable({ schedules }: { schedules: ScheduleView[] }) {
  const intl = useIntl();
  return (
    <section aria-labelledby="sched-title" className="panel">
      <h3 id="sched-title">{t(intl, 'queue.schedules.title')}</h3>
      {schedules.length === 0 ? (
        <p className="muted">{t(intl, 'queue.schedules.none')}</p>
      ) : (
        <table className="table">
          <thead>
            <tr><th scope="col">{t(intl, 'queue.schedules.job')}</th><th scope="col">{t(intl, 'queue.schedules.when')}</th><th scope="col">{t(intl, 'queue.schedules.lastRun')}</th><th scope="col">{t(intl, 'queue.schedules.nextRun')}</th><th scope="col">{t(intl, 'queue.schedules.state')}</th></tr>
          </thead>
          <tbody>
            {schedules.map((s) => (
              <tr key={s.id}>
                <td>{s.jobName}</td>
                <td><code>{s.cron}</code></td>
                <td>{formatWhen(intl, s.lastFireAt)}</td>
                <td title={s.nextFireAt ? formatDate(intl, s.nextFireAt) : undefined}>{s.paused ? t(intl, 'queue.schedules.paused') : formatWhen(intl, s.nextFireAt)}</td>
                <td>{s.paused ? t(intl, 'queue.schedules.paused') : s.catchUp === 'once' ? t(intl, 'queue.schedules.activeCatchUp') : t(intl, 'queue.schedules.active')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
