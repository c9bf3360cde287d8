import type { ClipRange } from '../../shared/choose';
import { VidKeepError } from '../../shared/errors';
import { formatClock as clock } from '../../shared/choose';


/** Whole tenths of a second: enough for a cut, and it keeps file names and job ids short and stable. */
export const tenth = (sec: number): number => Math.round(sec * 10) / 10;

/** A clip range checked against the video's duration (null: unknown, only start < end is checked). */
export function checkClipRange(r: ClipRange, durationSec: number | null): ClipRange {
  const startSec = tenth(r.startSec);
  const endSec = tenth(r.endSec);
  if (!Number.isFinite(startSec) || !Number.isFinite(endSec) || startSec < 0 || endSec < 0) {
    throw new VidKeepError('invalid-input', 'A clip needs a start and an end time, like 1:30 and 2:45.', undefined, { reason: 'clipTimes' });
  }
  if (startSec >= endSec) throw new VidKeepError('invalid-input', `The clip starts (${clock(startSec)}) at or after its end (${clock(endSec)}).`, 'Set an end time later than the start.', { reason: 'clipOrder', start: clock(startSec), end: clock(endSec) });
  if (endSec - startSec < 1) throw new VidKeepError('invalid-input', 'A clip must be at least one second long.', undefined, { reason: 'clipTooShort' });
  if (durationSec !== null && endSec > durationSec + 0.5) {
    throw new VidKeepError('invalid-input', `The clip ends at ${clock(endSec)}, past the end of the video (${clock(durationSec)}).`, `Set an end time up to ${clock(durationSec)}.`, { reason: 'clipPastEnd', end: clock(endSec), duration: clock(durationSec) });
  }
  return { startSec, endSec: durationSec !== null ? Math.min(endSec, durationSec) : endSec };
}

/** Part of the clip's file name and library id: `clip-12.5-40`. */
export function clipSuffix(r: ClipRange): string {
  return `clip-${tenth(r.startSec)}-${tenth(r.endSec)}`;
}

export { parseClock } from '../../shared/choose';
