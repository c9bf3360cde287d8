import { createHash } from 'node:crypto';
import type { EnqueueOptions } from '../queue/types';
import type { DownloadsOptions } from './types';

/** Same link queued twice gives the same job id; a confirmed playlist is a different request. */
export function downloadJobId(normalizedUrl: string, confirmPlaylist = false): string {
  return `dl-${createHash('sha256').update(`${normalizedUrl}${confirmPlaylist ? '\0list' : ''}`).digest('hex').slice(0, 24)}`;
}

export function downloadEnqueueOptions(url: URL, jobId: string, o: Pick<DownloadsOptions, 'getSettings'>, label = url.toString()): EnqueueOptions {
  return { jobId, key: url.hostname.toLowerCase(), label, maxTries: o.getSettings().maxTries };
}
