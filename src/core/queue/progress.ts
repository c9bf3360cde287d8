import type { Progress } from '../../shared/types';
import { errText, type Engine } from './engine';

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
 * one throttle on the way to a renderer); the row is written every ~2 s, timed on the monotonic
 * clock: a wall clock stepped back must not stop the writes.
 */
export function createProgress(e: Engine) {
  const flushDue = (jobId: string, token: string, st: ProgressState) => {
    const now = e.monotonic();
    if (st.dirtyWrite && now - st.lastWrite >= WRITE_EVERY_MS && st.latest) {
      st.dirtyWrite = false;
      st.lastWrite = now;
      try {
        e.busy.short(() => e.store.saveProgress(jobId, token, JSON.stringify(st.latest)));
      } catch (err) {
        // Locked by another program: the row is written on the next round (or at the finish).
        st.dirtyWrite = true;
        e.log('warn', jobId, `Progress could not be saved: ${errText(err)}`);
      }
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
