import { useCallback, useSyncExternalStore } from 'react';
import { jobStore, loadMoreJobs, type JobsSnapshot } from './job-store';
import type { Progress } from '../../../../shared/types';

/** Every job the UI knows about, live. Progress is not part of it: see useJobProgress. */
export function useJobs(): JobsSnapshot & { loadMore: () => Promise<void> } {
  const snap = useSyncExternalStore(jobStore.subscribe, jobStore.get, jobStore.get);
  return { ...snap, loadMore: loadMoreJobs };
}

/** One job's progress; re-renders only its own row. */
export function useJobProgress(jobId: string): Progress | null {
  const subscribe = useCallback((fn: () => void) => jobStore.subscribeRow(jobId, fn), [jobId]);
  const get = useCallback(() => jobStore.progress(jobId), [jobId]);
  return useSyncExternalStore(subscribe, get, get);
}
