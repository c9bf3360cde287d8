import { useState } from 'react';
import { useIntl } from 'react-intl';
import { api } from '../../lib/api';
import { asErrorInfo } from '../../lib/errors';
import { ErrorNote } from '../../components/error-note';
import { useAppInfo } from '../../hooks/use-app-info';
import { t } from '../../i18n/t';
import { ArchivePanel } from '../subscriptions/archive-panel';
import type { ErrorInfo } from '../../../../shared/errors';
import type { ImportMode, ImportStatus } from '../../../../shared/import';
import { isRunning, useImportStatus } from './use-import-status';
import { SkippedList } from './skipped-list';
import './import.css';

const MODES: readonly ImportMode[] = ['in-place', 'copy', 'move'];

function progressText(intl: ReturnType<typeof useIntl>, s: ImportStatus): string {
  if (s.state === 'scanning') return t(intl, 'import.scanning', { found: s.found });
  if (s.state === 'importing') return t(intl, 'import.importing', { done: s.done, found: s.found, current: s.current ?? '' });
  if (s.state === 'cancelled') return t(intl, 'import.cancelled', { imported: s.imported });
  if (s.state === 'failed') return t(intl, 'import.failed');
  return t(intl, 'import.done', { imported: s.imported, alreadyKept: s.alreadyKept, skipped: s.skipped });
}

/** Settings → Library → Import: a folder, what to do with its files, then progress, Cancel and what was skipped. */
export function ImportSection() {
  const intl = useIntl();
  const { info } = useAppInfo();
  const status = useImportStatus();
  const [folder, setFolder] = useState('');
  const [mode, setMode] = useState<ImportMode>('in-place');
  const [error, setError] = useState<ErrorInfo | null>(null);
  const desktop = info?.host === 'electron';
  const running = isRunning(status);

  const pick = async () => {
    setError(null);
    try {
      const { folder: chosen } = await api.invoke('import.pickFolder', {});
      if (chosen) setFolder(chosen);
    } catch (err) {
      setError(asErrorInfo(err));
    }
  };
  const start = async () => {
    setError(null);
    try {
      await api.invoke('import.start', { folder: folder.trim(), mode });
    } catch (err) {
      setError(asErrorInfo(err));
    }
  };

  return (
    <section className="panel import" aria-labelledby="set-import">
      <h3 id="set-import">{t(intl, 'import.title')}</h3>
      <p className="help">{t(intl, 'import.help')}</p>
      <form
        className="import-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (!running && folder.trim() !== '') void start();
        }}
      >
        <div className="field">
          <label htmlFor="import-folder">{t(intl, 'import.folder')}</label>
          <div className="import-folder-row">
            <input id="import-folder" type="text" value={folder} spellCheck={false} aria-describedby="import-folder-help" onChange={(e) => setFolder(e.target.value)} />
            {desktop && (
              <button type="button" className="btn" onClick={() => void pick()}>
                {t(intl, 'import.choose')}
              </button>
            )}
          </div>
          <p id="import-folder-help" className="help">{t(intl, desktop ? 'import.folder.helpDesktop' : 'import.folder.helpWeb')}</p>
        </div>
        <fieldset className="field">
          <legend>{t(intl, 'import.mode')}</legend>
          {MODES.map((m) => (
            <label key={m} className="radio">
              <input type="radio" name="import-mode" value={m} checked={mode === m} onChange={() => setMode(m)} />
              {t(intl, `import.mode.${m}`)}
            </label>
          ))}
        </fieldset>
        <div className="import-actions">
          <button type="submit" className="btn primary" disabled={running || folder.trim() === ''}>
            {t(intl, 'import.start')}
          </button>
          {running && (
            <button type="button" className="btn" onClick={() => void api.invoke('import.cancel', {}).catch((err: unknown) => setError(asErrorInfo(err)))}>
              {t(intl, 'import.cancel')}
            </button>
          )}
        </div>
      </form>
      {error && <ErrorNote error={error} />}
      {status && !status.rebuild && (
        <div className="import-status">
          {running && <progress max={Math.max(1, status.found)} value={status.done} aria-labelledby="import-progress" />}
          <p id="import-progress" role="status" aria-live="polite">
            {progressText(intl, status)}
          </p>
          {status.archived > 0 && <p className="help">{t(intl, 'import.archived', { count: status.archived })}</p>}
          {!running && status.skipped > 0 && <SkippedList status={status} />}
        </div>
      )}
      <p className="help">{t(intl, 'import.archiveHelp')}</p>
      <ArchivePanel />
    </section>
  );
}
