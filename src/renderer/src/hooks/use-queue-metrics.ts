import { useCallback, useEffect, useState } from 'react';
import { api } from '../lib/api';
import { asErrorInfo } from '../lib/errors';
import { throttle } from '../lib/throttle';
import type { QueueMetrics } from '../../../shared/types';
import type { ErrorInfo } from '../../../shared/errors';

/** queue.metrics, refreshed (at most once a second) whenever a job changes. */
export function useQueueMetrics(): { metrics: QueueMetrics | null; error: ErrorInfo | null; refresh: () => void; set: (m: QueueMetrics) => void } {
  const [metrics, setMetrics] = useState<QueueMetrics | null>(null);
  const [error, setError] = useState<ErrorInfo | null>(null);
  const refresh = useCallback(() => {
    api.invoke('queue.metrics', {}).then(
      (m) => {
        setMetrics(m);
        setError(null);
      },
      (e: unknown) => setError(asErrorInfo(e)),
    );
  }, []);
  useEffect(() => {
    refresh();
    const t = throttle(refresh, 1000);
    const off = api.on('jobs.changed', t);
    return () => {
      off();
      t.cancel();
    };
  }, [refresh]);
  return { metrics, error, refresh, set: setMetrics };
}
