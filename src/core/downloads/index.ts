import type { AddedJob } from '../../shared/contract';
import { VidKeepError, toErrorInfo } from '../../shared/errors';
import type { EnqueueOptions } from '../queue/types';
import { downloadEnqueueOptions, downloadJobId, TIME_LIMIT_HINT } from './job-id';
import { normalizeUrl, validateUrl } from '../ytdlp/url';
import { createDownloadHandler } from './handler';
import { createPosterHandler, POSTER_JOB, type PosterPayload, type PosterResult } from '../media/poster-job';
import { createSlotLender } from '../media/slot-lender';
import { DOWNLOAD_JOB, type DownloadPayload, type Downloads, type DownloadsOptions } from './types';

export * from './types';
export { downloadJobId, downloadTimeLimitMs } from './job-id';
export { POSTER_JOB, MEDIA_QUEUE, MEDIA_CONCURRENCY } from '../media/poster-job';

const ACTIVE = new Set(['queued', 'active']);

export function createDownloads(o: DownloadsOptions): Downloads {
  const claim = o.db.prepare<[string, number]>('INSERT OR REPLACE INTO claimed_urls (url, at) VALUES (?, ?)');
  const now = o.now ?? Date.now;
  // The user's time limit is a budget, not a transient fault: exceeding it fails the download
  // (code timeout) instead of spending the budget again on an automatic retry.
  o.queue.register<DownloadPayload, unknown>(DOWNLOAD_JOB, createDownloadHandler(o), { onTimeout: 'fail', timeoutHint: TIME_LIMIT_HINT });
  // Media jobs borrow a slot beyond the downloads' own (settings.maxConcurrent, the queue's cap).
  const lender = createSlotLender(o.queue, () => o.getSettings().maxConcurrent);
  o.queue.register<PosterPayload, PosterResult>(
    POSTER_JOB,
    createPosterHandler({
      db: o.db,
      library: () => o.library,
      getTools: o.getTools,
      launchId: o.launchId,
      ...(o.now ? { now: o.now } : {}),
      borrowSlot: lender.borrow,
      ...(o.media ? { media: o.media } : {}),
    }),
  );
  return {
    borrowSlot: lender.borrow,
    add(req, defaults, origin) {
      const options = { ...defaults, ...(req.options ?? {}) };
      const jobs: AddedJob[] = [];
      const pending: Array<{ index: number; name: string; payload: DownloadPayload; options: EnqueueOptions }> = [];
      for (const raw of req.urls) {
        const url = raw.trim();
        try {
          const parsed = validateUrl(url);
          const normalized = normalizeUrl(url);
          const kept = o.library.findByUrl(normalized);
          if (kept && !kept.missing) {
            // Asked for by hand: whatever subscription fetched it, no retention rule may delete it now.
            if (!origin) o.library.disown(kept.id);
            jobs.push({ url, videoId: kept.id });
            continue;
          }
          const jobId = downloadJobId(normalized, req.confirmPlaylist === true);
          const existing = o.queue.get(jobId);
          if (existing && ACTIVE.has(existing.state)) {
            // Already on its way for a subscription, and now asked for by hand: it will be the user's.
            if (!origin && (existing.payload as DownloadPayload | null)?.subscriptionId) claim.run(normalized, now());
            jobs.push({ url, jobId, duplicateOf: existing.id });
            continue;
          }
          // A finished job with this id (kept for the history) must not swallow a fresh request.
          if (existing) o.queue.remove(jobId);
          const payload: DownloadPayload = {
            url,
            options,
            origin: origin ? 'subscription' : (req.origin ?? 'pasted'),
            ...(req.confirmPlaylist ? { confirmPlaylist: true } : {}),
            ...(origin ? { subscriptionId: origin.subscriptionId } : {}),
          };
          pending.push({ index: jobs.length, name: DOWNLOAD_JOB, payload, options: downloadEnqueueOptions(parsed, jobId, o, url) });
          jobs.push({ url, jobId });
        } catch (err) {
          jobs.push({ url, error: err instanceof VidKeepError ? err.toJSON() : toErrorInfo(err) });
        }
      }
      if (pending.length > 0) {
        const results = o.queue.enqueueMany(pending.map(({ name, payload, options: opts }) => ({ name, payload, options: opts })));
        results.forEach((r, i) => {
          const slot = jobs[pending[i]!.index]!;
          slot.jobId = r.jobId;
          if (r.existing) slot.duplicateOf = r.jobId;
        });
      }
      return { jobs };
    },
  };
}
