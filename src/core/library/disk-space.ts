import { statfsSync } from 'node:fs';
import { VidKeepError } from '../../shared/errors';

/** Free bytes for this user on the drive holding `dir`; null when the system cannot say. */
export type FreeBytes = (dir: string) => number | null;

export const freeBytes: FreeBytes = (dir) => {
  try {
    const s = statfsSync(dir);
    // bavail, not bfree: blocks reserved for root are not ours to fill.
    return s.bavail * s.bsize;
  } catch {
    return null;
  }
};

/** Room kept free beyond a download's own size: the .part, .info.json, thumbnail and a merge's temp file. */
export const DISK_MARGIN_BYTES = 64 * 1024 * 1024;

/** True only when both sizes are known and the download cannot fit. Unknown sizes go on. */
export function wontFit(neededBytes: number | null, free: number | null, margin = DISK_MARGIN_BYTES): boolean {
  if (neededBytes === null || free === null || !Number.isFinite(neededBytes) || neededBytes <= 0) return false;
  return neededBytes > free - margin;
}

export function diskFullError(neededBytes: number, freeBytes: number): VidKeepError {
  const gb = (n: number) => `${(n / 1e9).toFixed(1)} GB`;
  return new VidKeepError('disk-full', `This download needs ${gb(neededBytes)}, ${gb(Math.max(0, freeBytes))} free on the library's drive.`, 'Free some space, or choose a library folder on another drive, then retry.', {
    neededBytes: Math.round(neededBytes),
    freeBytes: Math.max(0, Math.round(freeBytes)),
  });
}
