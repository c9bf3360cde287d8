import type { Progress } from '../../shared/types';
import type { Engine } from './engine';

export const WRITE_EVERY_MS = 2_000;

/** Per run: the latest progress, when it was last written, and one trailing timer. */
export interface ProgressState {
  latest: Progress | null;
  lastWrite: number;
  dirtyWrite: boolean;
  timer: unknown;
}

export const newProgressState = (): ProgressState => ({ latest: null, lastWrite: -Infinity, dirtyWrite: false, timer: null });

/**
 * Handlers may report on every byte. Each report is emitted as it comes (core's coalescer is the
 * one throttle on the way to a renderer); the row is written every ~2 s.
 */
export function createProgress(e: Engine) {
  const flushDue = (jobId: string, token: string, st: ProgressState) => {
    const now = e.now();
    if (st.dirtyWrite && now - st.lastWrite >= WRITE_EVERY_MS && st.latest) {
      st.dirtyWrite = false;
      st.lastWrite = now;
      e.store.saveProgress(jobId, token, JSON.stringify(st.latest));
    }
    if (st.timer === null && st.dirtyWrite) {
      const at = st.lastWrite + WRITE_EVERY_MS;
      st.timer = e.setTimer(() => {
        st.timer = null;
        flushDue(jobId, token, st);
      }, Math.max(0, at - now));
    }
  };
  return {
    report(jobId: string, token: string, st: ProgressState, p: Progress) {
      st.latest = p;
      st.dirtyWrite = true;
      e.emit([{ type: 'progress', jobId, progress: p }]);
      flushDue(jobId, token, st);
    },
    stop(st: ProgressState) {
      if (st.timer !== null) e.clearTimer(st.timer);
      st.timer = null;
      st.dirtyWrite = false;
    },
  };
}
