import type { Download, Progress, Stage } from '../../../../shared/types';
import { formatBytes, formatEta, formatSpeed } from '../../lib/format';
import { clockTime, st } from '../sites/sites-text';

/** A site that answered 429 holds its downloads until the time shown. */
const waitingText = (site: string, retryAt: number) => st('sites.waiting', { site, time: clockTime(retryAt) });

const STAGES: Record<Stage, string> = {
  waiting: 'Waiting',
  probing: 'Looking up the video…',
  'downloading-video': 'Downloading video',
  'downloading-audio': 'Downloading audio',
  downloading: 'Downloading',
  merging: 'Merging video and audio…',
  'post-processing': 'Converting…',
  indexing: 'Adding to your library…',
  done: 'Done',
};


export function stageText(job: Download, p: Progress | null, now = Date.now()): string {
  // Its last run (cancelled, timed out) is still winding down; it cannot start again until then.
  if (job.stopping) return 'Stopping…';
  switch (job.state) {
    case 'queued':
      if (job.error?.code === 'rate-limited' && Number(job.error.values?.retryAt) > now) {
        return waitingText(String(job.error.values?.site ?? new URL(job.url).hostname), Number(job.error.values?.retryAt));
      }
      if (job.tries > 0 && job.runAt > now) return `Will try again at ${new Date(job.runAt).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}`;
      return 'Queued';
    case 'active':
      return p ? STAGES[p.stage] : 'Starting…';
    case 'failed':
      return 'Failed';
    case 'cancelled':
      return 'Cancelled';
    case 'succeeded': {
      const r = job.result;
      if (r && 'needsConfirm' in r) return `Playlist found: ${r.count} videos`;
      if (r && 'expanded' in r) return `Playlist queued: ${r.expanded} videos`;
      if (r && 'alreadyKept' in r) return 'Already in your library';
      return 'Downloaded';
    }
  }
}

export function sizeText(p: Progress | null): string {
  if (!p) return '';
  const done = formatBytes(p.downloadedBytes);
  const total = formatBytes(p.totalBytes);
  if (done && total) return `${done} of ${total}`;
  return total || done;
}

export function rateText(p: Progress | null): { speed: string; eta: string } {
  return { speed: formatSpeed(p?.speed), eta: formatEta(p?.eta) };
}
