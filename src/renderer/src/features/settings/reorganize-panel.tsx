import { useEffect, useState } from 'react';
import { api } from '../../lib/api';
import { asErrorInfo } from '../../lib/errors';
import { ErrorNote } from '../../components/error-note';
import { ProgressBar } from '../downloads/progress-bar';
import { useT } from '../../i18n/use-t';
import type { ErrorInfo } from '../../../../shared/errors';
import type { ReorganizePreview, ReorganizeSkipReason, ReorganizeStatus } from '../../../../shared/reorganize';

/** ICU select keys are words: 'no-free-name' -> 'noFreeName'; anything unknown is 'other'. */
const reasonKey = (r: ReorganizeSkipReason) => (r === 'error' ? 'other' : r.replace(/-(\w)/g, (_, c: string) => c.toUpperCase()));

type Step = { kind: 'idle' } | { kind: 'counting' } | { kind: 'confirm'; preview: ReorganizePreview } | { kind: 'refused' };

/** Settings → Library: "Reorganize library", with a count to confirm, live progress and cancel. */
export function ReorganizePanel() {
  const t = useT();
  const [status, setStatus] = useState<ReorganizeStatus | null>(null);
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  const [error, setError] = useState<ErrorInfo | null>(null);

  useEffect(() => {
    let live = true;
    const off = api.on('library.reorganize', (s) => setStatus(s));
    api.invoke('library.reorganizeStatus', {}).then((s) => live && setStatus((cur) => cur ?? s), (e) => live && setError(asErrorInfo(e)));
    return () => {
      live = false;
      off();
    };
  }, []);

  const running = status?.state === 'queued' || status?.state === 'running';
  const ask = async () => {
    setError(null);
    // A second click while one runs is refused here, and by the core for any other window.
    if (running) return setStep({ kind: 'refused' });
    setStep({ kind: 'counting' });
    try {
      setStep({ kind: 'confirm', preview: await api.invoke('library.reorganizePreview', {}) });
    } catch (e) {
      setStep({ kind: 'idle' });
      setError(asErrorInfo(e));
    }
  };
  const go = async () => {
    try {
      const r = await api.invoke('library.reorganize', {});
      setStatus(r.status);
      setStep(r.already ? { kind: 'refused' } : { kind: 'idle' });
    } catch (e) {
      setStep({ kind: 'idle' });
      setError(asErrorInfo(e));
    }
  };
  const cancel = async () => {
    if (!status?.jobId) return;
    try {
      await api.invoke('jobs.cancel', { jobId: status.jobId });
    } catch (e) {
      setError(asErrorInfo(e));
    }
  };

  return (
    <section className="field reorganize" aria-labelledby="reorganize-title">
      <h4 id="reorganize-title">{t('reorganize.title')}</h4>
      <p className="help" id="reorganize-help">{t('reorganize.help')}</p>
      <button type="button" className="btn" onClick={ask} aria-describedby="reorganize-help" disabled={step.kind === 'counting'}>
        {t('reorganize.start')}
      </button>
      <div aria-live="polite">
        {step.kind === 'counting' && <p className="muted">{t('reorganize.counting')}</p>}
        {step.kind === 'refused' && <p className="note note-warn" role="alert">{t('reorganize.already')}</p>}
        {step.kind === 'confirm' && step.preview.toMove === 0 && <p className="note note-ok">{t('reorganize.nothing')}</p>}
        {step.kind === 'confirm' && step.preview.toMove > 0 && (
          <div className="note" role="group" aria-label={t('reorganize.title')}>
            <p>{t('reorganize.confirm', { toMove: step.preview.toMove, total: step.preview.total })}</p>
            <button type="button" className="btn btn-primary" onClick={go}>{t('reorganize.confirm.go', { toMove: step.preview.toMove })}</button>{' '}
            <button type="button" className="btn btn-quiet" onClick={() => setStep({ kind: 'idle' })}>{t('reorganize.confirm.cancel')}</button>
          </div>
        )}
      </div>
      {status && running && (
        <div className="reorganize-progress">
          <ProgressBar value={status.state === 'queued' || status.total === 0 ? null : (100 * status.done) / status.total} label={t('reorganize.progress.label')} />
          <p role="status">
            {status.state === 'queued' ? t('reorganize.queued') : status.stopping ? t('reorganize.stopping') : t('reorganize.progress', { done: status.done, total: status.total, moved: status.moved })}
          </p>
          {status.current && !status.stopping && <p className="muted">{t('reorganize.current', { title: status.current })}</p>}
          <button type="button" className="btn btn-danger-quiet" onClick={cancel} disabled={status.stopping}>{t('reorganize.cancel')}</button>
        </div>
      )}
      {status?.state === 'succeeded' && <p className="note note-ok" role="status">{t('reorganize.done', { moved: status.moved, skipped: status.skipped })}</p>}
      {status?.state === 'cancelled' && <p className="note" role="status">{t('reorganize.cancelled', { moved: status.moved })}</p>}
      {status?.state === 'failed' && (
        <>
          <p className="note note-warn">{t('reorganize.failed')}</p>
          {status.error && <ErrorNote error={status.error} />}
        </>
      )}
      {status && !running && status.skippedItems.length > 0 && (
        <details>
          <summary>{t('reorganize.skipped.title')}</summary>
          <ul>
            {status.skippedItems.map((s) => (
              <li key={s.videoId}>
                {t('reorganize.skipped.item', { title: s.title, reason: reasonKey(s.reason) })}
              </li>
            ))}
          </ul>
        </details>
      )}
      {error && <ErrorNote error={error} />}
    </section>
  );
}
