import { useState } from 'react';
import { api } from '../../lib/api';
import { asErrorInfo } from '../../lib/errors';
import { useQueueMetrics } from '../../hooks/use-queue-metrics';
import type { ErrorInfo } from '../../../../shared/errors';
import { useIntl } from 'react-intl';
import { t } from '../../i18n/t';
import { errorText } from '../../i18n/error-text';
import { JOB_NAMES, type QueueMetrics } from '../../../../shared/types';

/** Downloads only: a poster made after a download (a job of its own) is not a download still running. */
export const downloadCounts = (m: QueueMetrics) => m.liveByName[JOB_NAMES.download] ?? { active: 0, queued: 0 };

/** Pause all / Resume all, showing the queue's real state from queue.metrics. */
export function QueueControls() {
  const intl = useIntl();
  const { metrics, error, set } = useQueueMetrics();
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<ErrorInfo | null>(null);
  const paused = metrics?.paused ?? false;
  const toggle = async () => {
    setBusy(true);
    setActionError(null);
    try {
      set(await api.invoke(paused ? 'queue.resume' : 'queue.pause', {}));
    } catch (e) {
      setActionError(asErrorInfo(e));
    } finally {
      setBusy(false);
    }
  };
  const unavailable = !metrics && error !== null;
  return (
    <div className="queue-controls">
      {metrics && (
        <span className="muted">
          {paused ? t(intl, 'downloads.controls.paused') : t(intl, 'downloads.controls.counts', downloadCounts(metrics))}
        </span>
      )}
      <button type="button" className="btn" disabled={busy || unavailable} aria-pressed={paused} onClick={toggle} title={unavailable && error ? errorText(intl, error).message : undefined}>
        {paused ? t(intl, 'downloads.controls.resumeAll') : t(intl, 'downloads.controls.pauseAll')}
      </button>
      {actionError && (
        <span className="inline-error" role="alert">
          {errorText(intl, actionError).message}
        </span>
      )}
    </div>
  );
}
