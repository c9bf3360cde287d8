import type { Progress } from '../shared/types';

/** What win.setProgressBar takes: -1 removes the bar, 0..1 fills it, 2 shows it indeterminate. */
export const NO_BAR = -1;
export const INDETERMINATE = 2;

type Known = Pick<Progress, 'percent' | 'downloadedBytes' | 'totalBytes'>;

/**
 * One bar for all running downloads. Bytes-weighted (sum downloaded / sum total) when every
 * running download knows its size, so a 2 GB video at 10 % outweighs a clip that is done;
 * otherwise the mean of their percents, a download with no figure yet counting as 0 %. With
 * nothing known at all the bar is indeterminate, and it goes away when nothing runs.
 */
export function overallProgress(runs: ReadonlyArray<Known | null>): number {
  if (runs.length === 0) return NO_BAR;
  const sized = runs.every((r) => r && r.totalBytes != null && r.totalBytes > 0 && r.downloadedBytes != null);
  if (sized) {
    let done = 0;
    let total = 0;
    for (const r of runs) {
      done += Math.min(r!.downloadedBytes!, r!.totalBytes!);
      total += r!.totalBytes!;
    }
    return clamp(done / total);
  }
  const percents = runs.map((r) => percentOf(r));
  if (percents.every((p) => p === null)) return INDETERMINATE;
  return clamp(percents.reduce<number>((sum, p) => sum + (p ?? 0), 0) / (100 * runs.length));
}

const percentOf = (r: Known | null): number | null => {
  if (!r) return null;
  if (r.percent != null && Number.isFinite(r.percent)) return r.percent;
  if (r.totalBytes && r.downloadedBytes != null) return (100 * r.downloadedBytes) / r.totalBytes;
  return null;
};

const clamp = (x: number) => (Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0);

/**
 * Keeps the last figures of each running download. Progress arrives in batches that hold only the
 * downloads that moved in the last ~100 ms, so the bar must be computed over all of them, and a
 * stage without figures (merging) keeps the last ones rather than dropping to nothing.
 */
export function createTaskbarProgress() {
  const runs = new Map<string, Known | null>();
  return {
    started(jobId: string): void {
      if (!runs.has(jobId)) runs.set(jobId, null);
    },
    update(jobId: string, p: Known): void {
      if (!runs.has(jobId)) return;
      const prev = runs.get(jobId);
      runs.set(jobId, {
        percent: p.percent ?? prev?.percent ?? null,
        downloadedBytes: p.downloadedBytes ?? prev?.downloadedBytes ?? null,
        totalBytes: p.totalBytes ?? prev?.totalBytes ?? null,
      });
    },
    ended(jobId: string): void {
      runs.delete(jobId);
    },
    value: (): number => overallProgress([...runs.values()]),
  };
}
