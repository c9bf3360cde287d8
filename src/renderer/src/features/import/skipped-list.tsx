import { useIntl } from 'react-intl';
import { t } from '../../i18n/t';
import type { ImportStatus } from '../../../../shared/import';

/** Files an import did not take, each with its reason worded from the catalog. */
export function SkippedList({ status }: { status: ImportStatus }) {
  const intl = useIntl();
  const more = status.skipped - status.skippedFiles.length;
  return (
    <details className="import-skipped" open={status.skipped <= 20}>
      <summary>{t(intl, 'import.skippedTitle', { count: status.skipped })}</summary>
      <ul>
        {status.skippedFiles.map((s) => (
          <li key={`${s.path}:${s.reason}`}>
            <code className="path">{s.path}</code> <span>{t(intl, 'import.reason', { reason: s.reason })}</span>
          </li>
        ))}
      </ul>
      {more > 0 && <p className="help">{t(intl, 'import.skippedMore', { count: more })}</p>}
    </details>
  );
}
