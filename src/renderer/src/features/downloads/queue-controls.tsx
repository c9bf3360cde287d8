import { useState } from 'react';
import { api } from '../../lib/api';
import { asErrorInfo } from '../../lib/errors';
import { useQueueMetrics } from '../../hooks/use-queue-metrics';
import type { ErrorInfo } from '../../../../shared/errors';

/** Pause all / Resume all, showing the queue's real state from queue.metrics. */
export function QueueControls() {
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
          {paused ? 'Paused' : `${metrics.counts.active} downloading, ${metrics.counts.queued} waiting`}
        </span>
      )}
      <button type="button" className="btn" disabled={busy || unavailable} aria-pressed={paused} onClick={toggle} title={unavailable ? error?.message : undefined}>
        {paused ? 'Resume all' : 'Pause all'}
      </button>
      {actionError && (
        <span className="inline-error" role="alert">
          {actionError.message}
        </span>
      )}
    </div>
  );
}
