import { createHash } from 'node:crypto';
import type { EnqueueOptions } from '../queue/types';
import type { DownloadsOptions } from './types';

/** Same link queued twice gives the same job id; a confirmed playlist is a different request. */
export function downloadJobId(normalizedUrl: string, confirmPlaylist = false): string {
  return `dl-${createHash('sha256').update(`${normalizedUrl}${confirmPlaylist ? '\0list' : ''}`).digest('hex').slice(0, 24)}`;
}

/** The user's time limit per download (Settings), in ms: the job's one time limit. */
export const downloadTimeLimitMs = (o: Pick<DownloadsOptions, 'getSettings' | 'timeoutMs'>): number => o.timeoutMs ?? o.getSettings().timeoutMinutes * 60_000;

/** What a download exceeding its time limit tells the user to do (the queue fails it for good; see createDownloads). */
export const TIME_LIMIT_HINT = 'Raise the time limit in Settings, then retry; the part already downloaded is kept.';

export function downloadEnqueueOptions(url: URL, jobId: string, o: DownloadsOptions, label = url.toString()): EnqueueOptions {
  const settings = o.getSettings();
  return { jobId, key: url.hostname.toLowerCase(), label, maxTries: settings.maxTries, timeoutMs: downloadTimeLimitMs(o) };
}
