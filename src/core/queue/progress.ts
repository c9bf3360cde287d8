import type { Progress } from '../../shared/types';
import { errText, type Engine } from './engine';

export const EMIT_EVERY_MS = 100;
export const WRITE_EVERY_MS = 2_000;

/** Per run: the latest progress, when it was last emitted and written, and one trailing timer. */
export interface ProgressState {
  latest: Progress | null;
  lastEmit: number;
  lastWrite: number;
  dirtyEmit: boolean;
  dirtyWrite: boolean;
  timer: unknown;
}

export const newProgressState = (): ProgressState => ({ latest: null, lastEmit: -Infinity, lastWrite: -Infinity, dirtyEmit: false, dirtyWrite: false, timer: null });

/**
 * Handlers may report on every byte; events go out ~10/s per job and the row is written every ~2 s.
 * Throttled on the monotonic clock: a wall clock stepped back must not silence a running job.
 */
export function createProgress(e: Engine) {
  const flushDue = (jobId: string, token: string, st: ProgressState) => {
    const now = e.monotonic();
    if (st.dirtyEmit && now - st.lastEmit >= EMIT_EVERY_MS && st.latest) {
      st.dirtyEmit = false;
      st.lastEmit = now;
      e.emit([{ type: 'progress', jobId, progress: st.latest }]);
    }
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
    if (st.timer === null && (st.dirtyEmit || st.dirtyWrite)) {
      const at = Math.min(st.dirtyEmit ? st.lastEmit + EMIT_EVERY_MS : Infinity, st.dirtyWrite ? st.lastWrite + WRITE_EVERY_MS : Infinity);
      st.timer = e.setTimer(() => {
        st.timer = null;
        flushDue(jobId, token, st);
      }, Math.max(0, at - now));
    }
  };
  return {
    report(jobId: string, token: string, st: ProgressState, p: Progress) {
      st.latest = p;
      st.dirtyEmit = true;
      st.dirtyWrite = true;
      flushDue(jobId, token, st);
    },
    stop(st: ProgressState) {
      if (st.timer !== null) e.clearTimer(st.timer);
      st.timer = null;
      st.dirtyEmit = st.dirtyWrite = false;
    },
  };
}
