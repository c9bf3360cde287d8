import { randomBytes } from 'node:crypto';
import type { Req } from '../../shared/contract';
import { VidKeepError, toErrorInfo } from '../../shared/errors';
import { JOB_NAMES, type ArchiveImport, type DownloadOptions, type Subscription } from '../../shared/types';
import type { Db } from '../db/open';
import type { Downloads } from '../downloads/types';
import type { Library } from '../library/types';
import { PermanentJobError, type JobContext, type Queue } from '../queue/types';
import { normalizeUrl, validateUrl } from '../ytdlp/url';
import { downloadJobId } from '../downloads/job-id';
import { formatArchive, parseArchive } from './archive';
import { checkCron, checkFilters, listsOldestFirst, subscriptionUrl } from './rules';

export { checkCron, listsOldestFirst, MIN_CHECK_INTERVAL_MS, subscriptionUrl } from './rules';
import { createPlanner, MAX_ENTRIES } from './plan';
import { pickExpired } from './retention';
import { createSubscriptionStore } from './store';
import type { Lister, SubscriptionRecord } from './types';

export const CHECK_JOB = JOB_NAMES.subscriptionCheck;
/** Checks wait in their own queue: pausing downloads does not stop them, and they never queue behind 500 downloads. */
export const CHECK_QUEUE = 'subscriptions';
export const DEFAULT_CRON = '0 */6 * * *';
/** Checks (on time, and missed ones after a sleep) are spread over this window instead of firing in the same second. */
export const DEFAULT_STAGGER_MS = 5 * 60_000;

import type { CheckPayload, CheckResult } from '../job-payloads';

export type { CheckPayload, CheckResult };

/** Checks that re-queue a failed download of a subscription before giving up on it. */
export const MAX_REQUEUES = 3;

export interface SubscriptionsOptions {
  db: Db;
  queue: Queue;
  library: () => Library;
  downloads: Pick<Downloads, 'add'>;
  defaults: () => DownloadOptions;
  lister: Lister;
  now?: () => number;
  staggerMs?: number;
  /** Most entries one check reads (tests make it small). */
  maxEntries?: number;
  onChange?: (id: string, subscription: Subscription | null) => void;
}

export type Subscriptions = ReturnType<typeof createSubscriptions>;

const scheduleId = (id: string) => `sub:${id}`;

/**
 * Follow a channel or playlist: each subscription is a cron schedule of check jobs on the queue.
 * A check lists newest first, stops at the first entry an earlier check saw, and queues the new
 * ones as ordinary downloads (so dedup, retries and the library work as for a pasted link).
 */
export function createSubscriptions(o: SubscriptionsOptions) {
  const store = createSubscriptionStore(o.db);
  const now = o.now ?? Date.now;
  /** Subscription id → the check job running for it (its id is the answer to "Check now" meanwhile). */
  const checking = new Map<string, string>();

  const nextFires = () => new Map(o.queue.schedules().map((s) => [s.id, s.nextFireAt]));
  const view = (r: SubscriptionRecord, fires = nextFires()): Subscription => ({
    ...r,
    nextCheckAt: r.paused ? null : (fires.get(scheduleId(r.id)) ?? null),
    checking: checking.has(r.id),
  });
  /** Every subscription, reading the schedules once rather than once per row. */
  const viewAll = () => {
    const fires = nextFires();
    return store.list().map((r) => view(r, fires));
  };
  const need = (id: string) => {
    const r = store.get(id);
    if (!r) throw new VidKeepError('not-found', 'That subscription no longer exists.', undefined, { reason: 'subscription' });
    return r;
  };
  const changed = (id: string) => {
    const r = store.get(id);
    o.onChange?.(id, r ? view(r) : null);
  };
  const arm = (r: SubscriptionRecord) => {
    o.queue.schedule({
      id: scheduleId(r.id),
      cron: r.cron,
      jobName: CHECK_JOB,
      payload: { subscriptionId: r.id } satisfies CheckPayload,
      enqueue: checkOptions(r),
      skipIfRunning: true,
      catchUp: 'once',
      // 50 subscriptions on "every hour" must not all ask their sites at hh:00:00.
      staggerMs: o.staggerMs ?? DEFAULT_STAGGER_MS,
      staggerOnTime: true,
    });
  };
  const disarm = (id: string) => {
    if (o.queue.schedules().some((s) => s.id === scheduleId(id))) o.queue.unschedule(scheduleId(id));
  };
  /** This subscription's check jobs that are queued or running. */
  const checksOf = (id: string) =>
    (['queued', 'active'] as const).flatMap((state) => o.queue.list({ name: CHECK_JOB, state, limit: 500 }).items).filter((j) => (j.payload as CheckPayload | null)?.subscriptionId === id);
  const checkOptions = (r: SubscriptionRecord) => ({ queue: CHECK_QUEUE, maxTries: 1, timeoutMs: 15 * 60_000, priority: 10, label: `Check ${r.title ?? r.url}`, keepResultMs: 24 * 3_600_000 });

  /** Downloads of this subscription that failed (a premiere not out yet, a network error) get up to 3 more checks. */
  function requeueFailed(sub: SubscriptionRecord): number {
    const urls: string[] = [];
    for (const e of store.unfinished(sub.id, 200)) {
      const job = o.queue.get(downloadJobId(e.url));
      if (job?.state !== 'failed') continue; // still queued or running, or the user cancelled it
      const attempts = e.attempts + 1;
      store.setAttempt(sub.id, e.key, attempts, attempts > MAX_REQUEUES ? 'gave-up' : 'queued');
      if (attempts <= MAX_REQUEUES) urls.push(e.url);
    }
    if (urls.length) o.downloads.add({ urls }, { ...o.defaults(), ...sub.options }, { subscriptionId: sub.id });
    return urls.length;
  }

  async function check(ctx: JobContext<CheckPayload>): Promise<CheckResult> {
    const id = ctx.payload.subscriptionId;
    const sub = store.get(id);
    if (!sub) return { queued: 0, looked: 0, stop: 'gone' };
    // Paused after this check was queued (its schedule fires a few minutes ahead): only "Check now" runs.
    if (sub.paused && !ctx.payload.manual) return { queued: 0, looked: 0, stop: 'skipped' };
    if (checking.has(id)) return { queued: 0, looked: 0, stop: 'skipped' };
    checking.set(id, ctx.jobId);
    changed(id);
    try {
      const planner = createPlanner({
        firstCheck: !store.hasEntries(id),
        initial: sub.initial,
        initialCount: sub.initialCount,
        filters: sub.filters,
        oldestFirst: listsOldestFirst(sub.url),
        isKnown: (key) => store.isKnown(id, key),
        isArchived: (e) => store.isArchived(e.key),
        maxEntries: o.maxEntries ?? MAX_ENTRIES,
      });
      let title: string | null = null;
      const listing = o.lister({ url: sub.url, max: o.maxEntries ?? MAX_ENTRIES, signal: ctx.signal, onTitle: (t) => (title = t) });
      for await (const entry of listing) if (!planner.push(entry)) break;
      const plan = planner.result();
      if (plan.looked === 0 && plan.stop !== 'known') {
        throw new VidKeepError('unavailable', 'yt-dlp listed no videos at this link.', 'Check that it opens a channel or playlist with public videos.', { reason: 'noVideos' });
      }
      if (title) ctx.setLabel(`Check ${title}`);
      const decisions = plan.decisions.map((d) => ({ ...d, url: safeNormalize(d.entry.url) }));
      let queued = 0;
      const gone = o.db.transaction(() => {
        // Removed while this check listed: queue nothing for a subscription that no longer exists.
        if (!store.get(id)) return true;
        const toQueue = decisions.filter((d) => d.status === 'queued');
        if (toQueue.length) {
          const added = o.downloads.add({ urls: toQueue.map((d) => d.entry.url) }, { ...o.defaults(), ...sub.options }, { subscriptionId: id });
          added.jobs.forEach((j, i) => {
            // A link VidKeep refuses is recorded as such, not counted as new.
            if (j.error) toQueue[i]!.status = 'rejected';
            else if (j.videoId) toQueue[i]!.status = 'archived';
          });
        }
        queued = decisions.filter((d) => d.status === 'queued').length;
        store.recordEntries(id, decisions, now());
        queued += requeueFailed(sub);
        store.checked(id, { at: now(), newCount: queued, title });
        return false;
      })();
      if (gone) return { queued: 0, looked: plan.looked, stop: 'gone' };
      // Retention is housekeeping: its trouble is logged, never turned into a failed check.
      await applyRetention(id).catch((err: unknown) => console.warn(`[vidkeep] retention for subscription ${id} failed:`, err));
      return { queued, looked: plan.looked, stop: plan.stop, title };
    } catch (err) {
      const info = toErrorInfo(err);
      if (store.get(id)) store.failed(id, now(), info);
      throw new PermanentJobError(info);
    } finally {
      checking.delete(id);
      changed(id);
    }
  }

  async function applyRetention(id: string): Promise<string[]> {
    const sub = store.get(id);
    if (!sub || (sub.retention.keepLast === undefined && sub.retention.keepDays === undefined)) return [];
    const expired = pickExpired(store.videos(id), sub.retention, now());
    const deleted: string[] = [];
    for (const videoId of expired) if (await o.library().delete(videoId, { permanent: true })) deleted.push(videoId);
    return deleted;
  }

  o.queue.register<CheckPayload, CheckResult>(CHECK_JOB, check);

  // "Keep the last N" holds as each new video lands, not only at the next check.
  const stopListening = o.queue.on((e) => {
    if (e.type !== 'succeeded' || e.job.name !== JOB_NAMES.download) return;
    const url = (e.job.payload as { url?: unknown } | null)?.url;
    if (typeof url !== 'string') return;
    for (const id of store.subscriptionsOf(safeNormalize(url))) {
      applyRetention(id).catch((err: unknown) => console.warn(`[vidkeep] retention for subscription ${id} failed:`, err));
    }
  });

  return {
    /** Arms every active subscription's schedule; call before the queue starts so missed checks catch up. */
    start() {
      for (const r of store.list()) if (!r.paused) arm(r);
    },
    list: viewAll,
    get: (id: string) => view(need(id)),
    /** The title (or link) of a subscription, or null when it is gone. */
    titleOf(id: string): string | null {
      const r = store.get(id);
      return r ? (r.title ?? r.url) : null;
    },
    add(req: Req<'subscriptions.add'>): Subscription {
      validateUrl(req.url);
      const url = subscriptionUrl(normalizeUrl(req.url));
      const cron = req.cron?.trim() || DEFAULT_CRON;
      checkCron(cron, now());
      const existing = store.byUrl(url);
      if (existing) throw new VidKeepError('duplicate', `You already follow this link${existing.title ? ` (${existing.title})` : ''}.`, 'Change its settings in the list instead.', existing.title ? { reason: 'titled', title: existing.title } : undefined);
      checkFilters(req.filters ?? {});
      const r = {
        id: randomBytes(6).toString('base64url'),
        url,
        cron,
        filters: req.filters ?? {},
        options: req.options ?? {},
        retention: req.retention ?? {},
        initial: req.initial ?? 'new',
        initialCount: req.initialCount ?? 10,
        createdAt: now(),
      };
      o.db.transaction(() => {
        store.insert(r);
        const rec = need(r.id);
        arm(rec);
        // The first check runs now, so the user sees at once whether the link lists anything.
        o.queue.enqueue(CHECK_JOB, { subscriptionId: r.id, manual: true, title: rec.title ?? rec.url } satisfies CheckPayload, { ...checkOptions(rec), jobId: `sub-check:${r.id}:${now()}` });
      })();
      changed(r.id);
      return view(need(r.id));
    },
    update(req: Req<'subscriptions.update'>): Subscription {
      const cur = need(req.id);
      const cron = req.cron?.trim() || cur.cron;
      if (cron !== cur.cron) checkCron(cron, now());
      if (req.filters) checkFilters(req.filters);
      const next = { ...cur, cron, filters: req.filters ?? cur.filters, options: req.options ?? cur.options, retention: req.retention ?? cur.retention };
      o.db.transaction(() => {
        store.update(next);
        if (!cur.paused && cron !== cur.cron) {
          // A new interval starts from now: the old schedule's last fire must not make the new
          // one look overdue and fire a catch-up check at once.
          disarm(next.id);
          arm(next);
        }
      })();
      changed(req.id);
      return view(need(req.id));
    },
    remove(id: string): boolean {
      need(id);
      const removed = o.db.transaction(() => {
        disarm(id);
        // Its waiting checks go; a running one is stopped and, if it gets that far, queues nothing.
        for (const j of checksOf(id)) o.queue.cancel(j.id, 'The subscription was removed.');
        return store.remove(id);
      })();
      changed(id);
      return removed;
    },
    pause(id?: string): Subscription[] {
      const targets = id ? [need(id)] : store.list();
      o.db.transaction(() => {
        for (const r of targets) {
          store.setPaused(r.id, true);
          disarm(r.id);
        }
      })();
      for (const r of targets) changed(r.id);
      return viewAll();
    },
    resume(id?: string): Subscription[] {
      const targets = id ? [need(id)] : store.list();
      o.db.transaction(() => {
        for (const r of targets) {
          if (!r.paused) continue;
          store.setPaused(r.id, false);
          arm({ ...r, paused: false });
        }
      })();
      for (const r of targets) changed(r.id);
      return viewAll();
    },
    /** Queues a check now, unless one is already queued or running. */
    checkNow(id: string): { jobId: string; already: boolean } {
      const r = need(id);
      const running = checking.get(id);
      if (running !== undefined) return { jobId: running, already: true };
      const waiting = checksOf(id).find((j) => j.state === 'queued');
      // A scheduled check spread a few minutes ahead is no answer to "now": it makes way.
      if (waiting && waiting.runAt <= now() && (waiting.payload as CheckPayload).manual) return { jobId: waiting.id, already: true };
      if (waiting) o.queue.remove(waiting.id);
      const res = o.queue.enqueue(CHECK_JOB, { subscriptionId: id, manual: true, title: r.title ?? r.url } satisfies CheckPayload, { ...checkOptions(r), jobId: `sub-check:${id}:${now()}` });
      return { jobId: res.jobId, already: res.existing };
    },
    importArchive(text: string): ArchiveImport {
      const parsed = parseArchive(text);
      const { added, known } = store.importArchive(parsed.keys, now());
      return { added, known, invalid: parsed.invalid, invalidCount: parsed.invalidCount };
    },
    exportArchive(): { text: string; count: number } {
      const keys = store.archiveKeys();
      return { text: formatArchive(keys), count: new Set(keys).size };
    },
    applyRetention,
    stop: stopListening,
  };
}

function safeNormalize(url: string): string {
  try {
    return normalizeUrl(url);
  } catch {
    return url;
  }
}
