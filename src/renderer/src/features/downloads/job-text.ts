import type { IntlShape } from 'react-intl';
import type { Download, Progress } from '../../../../shared/types';
import { formatBytes, formatEta, formatSpeed } from '../../lib/format';
import { t } from '../../i18n/t';
import type { MessageId } from '../../../../shared/i18n/en';

export function stageText(intl: IntlShape, job: Download, p: Progress | null, now = Date.now()): string {
  // Its last run (cancelled, timed out) is still winding down; it cannot start again until then.
  if (job.stopping) return t(intl, 'downloads.row.stopping');
  switch (job.state) {
    case 'queued':
      if (job.error?.code === 'rate-limited' && Number(job.error.values?.retryAt) > now) {
        // A site that answered 429 holds its downloads until the time shown.
        return t(intl, 'sites.waiting', { site: String(job.error.values?.site ?? new URL(job.url).hostname), time: new Date(Number(job.error.values?.retryAt)) });
      }
      if (job.tries > 0 && job.runAt > now) return t(intl, 'downloads.row.retryAt', { time: new Date(job.runAt) });
      return t(intl, 'downloads.row.queued');
    case 'active':
      return p ? t(intl, `downloads.stage.${p.stage}`) : t(intl, 'downloads.row.starting');
    case 'failed':
      return t(intl, 'downloads.row.failed');
    case 'cancelled':
      return t(intl, 'downloads.row.cancelled');
    case 'succeeded': {
      const r = job.result;
      if (r && 'needsConfirm' in r) return t(intl, 'downloads.row.playlistFound', { count: r.count });
      if (r && 'expanded' in r) return t(intl, 'downloads.row.playlistQueued', { count: r.expanded });
      if (r && 'alreadyKept' in r) return t(intl, 'downloads.row.alreadyKept');
      // What it went on without (SponsorBlock unreachable) is said with the result.
      if (r && 'notes' in r && r.notes?.length) {
        const said = r.notes.flatMap((n) => (NOTE_TEXT[n] ? [t(intl, NOTE_TEXT[n])] : []));
        if (said.length > 0) return t(intl, 'downloads.row.downloadedWithNotes', { notes: said.join(' ') });
      }
      return t(intl, 'downloads.row.downloaded');
    }
  }
}

/** Note codes a finished download may carry, worded from the catalog. */
const NOTE_TEXT: Record<string, MessageId> = {
  'sponsorblock-unreachable': 'downloads.note.sponsorblockUnreachable',
  'embed-no-cover': 'downloads.note.embedNoCover',
  'embed-no-subtitles': 'downloads.note.embedNoSubtitles',
  'embed-no-metadata': 'downloads.note.embedNoMetadata',
};

export function sizeText(intl: IntlShape, p: Progress | null): string {
  if (!p) return '';
  const done = formatBytes(intl, p.downloadedBytes);
  const total = formatBytes(intl, p.totalBytes);
  if (done && total) return t(intl, 'downloads.row.sizeOf', { done, total });
  return total || done;
}

export function rateText(intl: IntlShape, p: Progress | null): { speed: string; eta: string } {
  return { speed: formatSpeed(intl, p?.speed), eta: formatEta(intl, p?.eta) };
}
