import { formatMs, formatWhen } from '../../lib/format';
import type { JobView } from '../../../../shared/types';
import { useIntl } from 'react-intl';
import { t } from '../../i18n/t';
import { errorText } from '../../i18n/error-text';

export function HistoryTable({ jobs }: { jobs: JobView[] }) {
  const intl = useIntl();
  return (
    <section aria-labelledby="hist-title" className="panel">
      <h3 id="hist-title">{t(intl, 'queue.history.title')}</h3>
      {jobs.length === 0 ? (
        <p className="muted">{t(intl, 'queue.history.none')}</p>
      ) : (
        <table className="table">
          <thead>
            <tr><th scope="col">{t(intl, 'queue.history.job')}</th><th scope="col">{t(intl, 'queue.history.result')}</th><th scope="col" className="num">{t(intl, 'queue.history.tries')}</th><th scope="col" className="num">{t(intl, 'queue.history.runTime')}</th><th scope="col">{t(intl, 'queue.history.finished')}</th><th scope="col">{t(intl, 'queue.history.error')}</th></tr>
          </thead>
          <tbody>
            {jobs.map((j) => (
              <tr key={j.id}>
                <td className="ellipsis" title={j.label}>{j.label}</td>
                <td><span className={`pill pill-${j.state}`}>{t(intl, `queue.state.${j.state}`)}</span>{j.stopping && <span className="muted"> {t(intl, 'queue.history.stopping')}</span>}</td>
                <td className="num">{j.tries}/{j.maxTries}</td>
                <td className="num">{j.startedAt && j.finishedAt ? formatMs(intl, j.finishedAt - j.startedAt) : t(intl, 'format.none')}</td>
                <td>{formatWhen(intl, j.finishedAt)}</td>
                <td className="ellipsis" title={j.error ? errorText(intl, j.error).hint : undefined}>{j.error ? t(intl, 'queue.history.errorText', { code: j.error.code, message: errorText(intl, j.error).message }) : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
