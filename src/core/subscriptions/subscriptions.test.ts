import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_DOWNLOAD_OPTIONS } from '../../shared/types';
import { downloadJobId } from '../downloads/job-id';
import { PermanentJobError } from '../queue/types';
import { normalizeUrl } from '../ytdlp/url';
import type { Downloads } from '../downloads/types';
import type { Library } from '../library/types';
import { deferred, kit, type Kit } from '../queue/test-kit';
import { CHECK_JOB, checkCron, createSubscriptions, listsOldestFirst, MAX_REQUEUES, subscriptionUrl, type Subscriptions } from './index';
import { BASELINE } from './plan';
import { staggerOffset } from '../queue/scheduler';
import type { ListedEntry, Lister } from './types';

const entry = (n: number, o: Partial<ListedEntry> = {}): ListedEntry => ({ key: `generic v${n}`, url: `http://videos.test/v/${n}.mp4`, title: `Video ${n}`, durationSec: null, uploadDate: null, liveStatus: null, ...o });
/** Newest first, like a channel page. */
const feedOf = (from: number, to: number) => Array.from({ length: from - to + 1 }, (_, i) => entry(from - i));

let k: Kit;
let subs: Subscriptions;
let feed: ListedEntry[];
let pulled: number;
let queued: string[];
let deleted: string[];
let listerGate: Promise<void> | null;

const lister: Lister = async function* ({ max }) {
  if (listerGate) await listerGate;
  for (const e of feed.slice(0, max)) {
    pulled++;
    yield e;
  }
};

/** URLs whose download fails (for good, this try). */
let failing: Set<string>;

function make(o: { maxEntries?: number } = {}) {
  // Like the real one: refuses links with spaces, queues real 'download' jobs with its job ids.
  const downloads: Pick<Downloads, 'add'> = {
    add(req, _defaults, origin) {
      return {
        jobs: req.urls.map((url) => {
          if (/\s/.test(url)) return { url, error: { code: 'invalid-url' as const, message: 'That link contains spaces.' } };
          queued.push(url);
          const jobId = downloadJobId(normalizeUrl(url));
          const existing = k.q.get(jobId);
          if (existing && existing.state !== 'queued' && existing.state !== 'active') k.q.remove(jobId);
          k.q.enqueue('download', { url, subscriptionId: origin?.subscriptionId }, { jobId });
          return { url, jobId };
        }),
      };
    },
  };
  const library = {
    delete: async (id: string, opts?: { permanent?: boolean }) => {
      // Retention frees disk space: it must never ask for the trash.
      if (!opts?.permanent) throw new Error('retention asked for a delete to the trash');
      deleted.push(id);
      return k.db.prepare('DELETE FROM videos WHERE id = ?').run(id).changes > 0;
    },
  } as unknown as Library;
  return createSubscriptions({ db: k.db, queue: k.q, library: () => library, downloads, defaults: () => DEFAULT_DOWNLOAD_OPTIONS, lister, now: k.clock.now, staggerMs: 120_000, ...o });
}

beforeEach(async () => {
  k = kit();
  feed = [];
  pulled = 0;
  queued = [];
  deleted = [];
  listerGate = null;
  failing = new Set();
  k.q.register<{ url: string }, null>('download', async (ctx) => {
    if (failing.has(ctx.payload.url)) throw new PermanentJobError({ code: 'unavailable', message: 'Premieres in 2 days' });
    return null;
  });
  subs = make();
  subs.start();
  await k.q.start();
});
afterEach(() => k.close());

/** Lets queued checks run. */
const run = () => k.clock.advance(1000);
const checkJobs = () => k.q.list({ name: CHECK_JOB, limit: 500 }).items;

describe('subscriptions', () => {
  it('"only new from now" remembers the newest entries, then a check reads only up to the first known one', async () => {
    feed = feedOf(100, 1);
    const s = subs.add({ url: 'http://videos.test/channel', initial: 'new' });
    await run();
    expect(queued).toEqual([]);
    expect(pulled).toBe(BASELINE);
    expect(subs.get(s.id)).toMatchObject({ lastNewCount: 0, lastError: null });
    expect(subs.get(s.id).lastCheckAt).toBe(k.clock.t - 1000);

    feed = [entry(102), entry(101), ...feedOf(100, 1)];
    pulled = 0;
    subs.checkNow(s.id);
    await run();
    expect(queued).toEqual(['http://videos.test/v/102.mp4', 'http://videos.test/v/101.mp4']);
    // Two new ones and the first known one: the other 99 entries are never read.
    expect(pulled).toBe(3);
    expect(subs.get(s.id)).toMatchObject({ lastNewCount: 2, totalQueued: 2 });

    pulled = 0;
    subs.checkNow(s.id);
    await run();
    expect(queued).toHaveLength(2);
    expect(pulled).toBe(1);
  });

  it('"the newest N" fetches N and "everything" fetches all, in bounds', async () => {
    feed = feedOf(50, 1);
    subs.add({ url: 'http://videos.test/last', initial: 'last', initialCount: 3 });
    await run();
    expect(queued).toEqual(['http://videos.test/v/50.mp4', 'http://videos.test/v/49.mp4', 'http://videos.test/v/48.mp4']);

    queued = [];
    feed = feedOf(12_000, 1);
    pulled = 0;
    const big = subs.add({ url: 'http://videos.test/huge', initial: 'all' });
    await run();
    expect(queued).toHaveLength(10_000);
    expect(pulled).toBe(10_000);
    expect(subs.get(big.id).lastNewCount).toBe(10_000);
  });

  it('applies title and duration filters, and records filtered entries so they are not looked at again', async () => {
    feed = [entry(5, { title: 'Live stream replay' }), entry(4, { durationSec: 30 }), entry(3, { durationSec: 600 }), entry(2, { title: 'Trailer' })];
    subs.add({ url: 'http://videos.test/f', initial: 'all', filters: { titleExcludes: 'live', minDurationSec: 60 } });
    await run();
    expect(queued).toEqual(['http://videos.test/v/3.mp4', 'http://videos.test/v/2.mp4']);
  });

  it('never runs two checks of one subscription at once', async () => {
    feed = feedOf(3, 1);
    const gate = deferred();
    listerGate = gate.promise;
    const s = subs.add({ url: 'http://videos.test/slow', initial: 'all' });
    await run();
    expect(subs.get(s.id).checking).toBe(true);
    // "Check now" while a check runs answers with that running check, never an empty job id.
    const again = subs.checkNow(s.id);
    expect(again.already).toBe(true);
    expect(again.jobId).not.toBe('');
    expect(k.q.get(again.jobId)).toMatchObject({ state: 'active', name: CHECK_JOB });
    // A second check job that slips through (another fire) finds the first one running and steps aside.
    k.q.enqueue(CHECK_JOB, { subscriptionId: s.id }, { jobId: 'extra-check' });
    await run();
    expect(k.q.get('extra-check')).toMatchObject({ state: 'succeeded', result: { stop: 'skipped' } });
    gate.resolve();
    await run();
    expect(queued).toHaveLength(3);
    expect(subs.get(s.id).checking).toBe(false);
  });

  it('after a sleep, each subscription checks once, spread out instead of all in the same second', async () => {
    feed = feedOf(2, 1);
    const ids = Array.from({ length: 50 }, (_, i) => subs.add({ url: `http://videos.test/c${i}`, cron: '0 * * * *' }).id);
    await run();
    const before = new Set(checkJobs().map((j) => j.id));
    // Asleep for five hours: no timer fires, the clock jumps.
    k.q.pause();
    k.clock.t += 5.5 * 3_600_000;
    k.q.resume();
    k.q.catchUp();
    const fresh = checkJobs().filter((j) => !before.has(j.id));
    expect(fresh).toHaveLength(50);
    expect(new Set(fresh.map((j) => (j.payload as { subscriptionId: string }).subscriptionId))).toEqual(new Set(ids));
    const seconds = new Set(fresh.map((j) => Math.floor(j.runAt / 1000)));
    expect(seconds.size).toBeGreaterThanOrEqual(25);
    expect(Math.max(...fresh.map((j) => j.runAt)) - k.clock.t).toBeLessThan(120_000);
  });

  it('on-time checks of many subscriptions on the same cron are spread too', async () => {
    feed = feedOf(2, 1);
    for (let i = 0; i < 50; i++) subs.add({ url: `http://videos.test/t${i}`, cron: '0 * * * *' });
    await run();
    const before = new Set(checkJobs().map((j) => j.id));
    k.q.pause();
    await k.clock.advance(3_600_000);
    const fresh = checkJobs().filter((j) => !before.has(j.id));
    expect(fresh).toHaveLength(50);
    // Each lands on its own stable offset within the window (50 random offsets over 120 s: ~40 distinct seconds).
    for (const j of fresh) {
      const fireAt = Number(j.id.split(':').at(-1));
      expect(j.runAt).toBe(fireAt + staggerOffset(`sub:${(j.payload as { subscriptionId: string }).subscriptionId}`, 120_000));
    }
    expect(new Set(fresh.map((j) => Math.floor(j.runAt / 1000))).size).toBeGreaterThanOrEqual(25);
  });

  it('a link that lists nothing gets a clear error and loses nothing', async () => {
    feed = [];
    const s = subs.add({ url: 'http://videos.test/empty' });
    await run();
    expect(subs.get(s.id).lastError).toMatchObject({ code: 'unavailable', message: expect.stringContaining('listed no videos') });
    feed = feedOf(2, 1);
    subs.checkNow(s.id);
    await run();
    expect(subs.get(s.id).lastError).toBeNull();
    expect(subs.list()).toHaveLength(1);
  });

  it('refuses bad input with human messages', () => {
    expect(() => subs.add({ url: 'notalink' })).toThrow(/not a web address/);
    expect(() => subs.add({ url: 'http://videos.test/x', cron: 'every tuesday' })).toThrow(/not a five-field schedule/);
    expect(() => subs.add({ url: 'http://videos.test/x', cron: '61 * * * *' })).toThrow(/not a valid schedule/);
    expect(() => subs.add({ url: 'http://videos.test/x', cron: '* * * * *' })).toThrow(/more often than every 15 minutes/);
    expect(() => subs.add({ url: 'http://videos.test/x', cron: '*/5 * * * * *' })).toThrow(/five-field/);
    expect(() => subs.add({ url: 'http://videos.test/x', filters: { after: '2026-13-45' } })).toThrow(/not a date/);
    expect(() => subs.add({ url: 'http://videos.test/x', filters: { minDurationSec: 600, maxDurationSec: 60 } })).toThrow(/shortest length/);
    subs.add({ url: 'http://videos.test/x' });
    expect(() => subs.add({ url: 'http://VIDEOS.test/x' })).toThrow(/already follow/);
    expect(() => subs.checkNow('nope')).toThrow(/no longer exists/);
  });

  it('pause stops the schedule, resume re-arms it; remove forgets it', async () => {
    feed = feedOf(1, 1);
    const a = subs.add({ url: 'http://videos.test/a' });
    const b = subs.add({ url: 'http://videos.test/b' });
    expect(subs.get(a.id).nextCheckAt).not.toBeNull();
    subs.pause();
    expect(subs.list().every((s) => s.paused && s.nextCheckAt === null)).toBe(true);
    expect(k.q.schedules()).toEqual([]);
    subs.resume(a.id);
    expect(subs.get(a.id)).toMatchObject({ paused: false });
    expect(subs.get(a.id).nextCheckAt).not.toBeNull();
    expect(subs.get(b.id).paused).toBe(true);
    expect(subs.remove(a.id)).toBe(true);
    expect(k.q.schedules()).toEqual([]);
    expect(subs.list().map((s) => s.id)).toEqual([b.id]);
  });

  it('skips entries from an imported download archive and exports it back', async () => {
    const r = subs.importArchive('generic v3\n# comment\n\nyoutube dQw4w9WgXcQ\nthis is not a line at all\n');
    expect(r).toEqual({ added: 2, known: 0, invalid: ['this is not a line at all'], invalidCount: 1 });
    expect(subs.importArchive('generic v3\n')).toMatchObject({ added: 0, known: 1 });
    feed = feedOf(4, 1);
    subs.add({ url: 'http://videos.test/arch', initial: 'all' });
    await run();
    expect(queued).toEqual(['http://videos.test/v/4.mp4', 'http://videos.test/v/2.mp4', 'http://videos.test/v/1.mp4']);
    expect(subs.exportArchive()).toEqual({ text: 'generic v3\nyoutube dQw4w9WgXcQ\n', count: 2 });
  });

  it('a subscription survives a restart with its schedule and known entries', async () => {
    feed = feedOf(10, 1);
    const s = subs.add({ url: 'http://videos.test/persist', initial: 'last', initialCount: 1 });
    await run();
    expect(queued).toHaveLength(1);
    const stopping = k.q.stop();
    await k.clock.advance(60_000);
    await stopping;
    k.reopen();
    subs = make();
    subs.start();
    await k.q.start();
    expect(subs.get(s.id).nextCheckAt).not.toBeNull();
    feed = [entry(11), ...feedOf(10, 1)];
    pulled = 0;
    subs.checkNow(s.id);
    await run();
    expect(queued).toEqual(['http://videos.test/v/10.mp4', 'http://videos.test/v/11.mp4']);
    expect(pulled).toBe(2);
  });
});

/** A library row as a finished download leaves it. */
function video(n: number, o: { owner?: string | null; addedAt?: number; keep?: boolean } = {}) {
  k.db
    .prepare(`INSERT INTO videos (id, site, site_id, title, file_path, source_url, added_at, keep, subscription_id) VALUES (?, 'Generic', ?, ?, ?, ?, ?, ?, ?)`)
    .run(`vid-${n}`, `v${n}`, `Video ${n}`, `Generic/v${n}.mp4`, `http://videos.test/v/${n}.mp4`, o.addedAt ?? k.clock.t, o.keep ? 1 : 0, o.owner === undefined ? null : o.owner);
  return `vid-${n}`;
}

describe('subscriptions: review fixes', () => {
  it('keep-last-N keeps the newest published, not the last downloaded, and only videos the subscription owns', async () => {
    feed = feedOf(3, 1);
    const a = subs.add({ url: 'http://videos.test/a', initial: 'all', retention: { keepLast: 1 } });
    const b = subs.add({ url: 'http://videos.test/b', initial: 'all' });
    await run();
    // Downloads finished oldest first; v1 also came in by hand earlier (owner NULL).
    video(3, { owner: a.id, addedAt: k.clock.t - 3000 });
    video(2, { owner: b.id, addedAt: k.clock.t - 2000 });
    video(1, { owner: null, addedAt: k.clock.t - 1000 });
    expect(await subs.applyRetention(a.id)).toEqual([]);
    video(4, { owner: a.id, addedAt: k.clock.t - 5000 });
    k.db.prepare(`INSERT INTO subscription_entries (subscription_id, entry_key, url, status, seen_at, rank) VALUES (?, 'generic v4', 'http://videos.test/v/4.mp4', 'queued', 0, 0)`).run(a.id);
    // v4 ranks below v3 (older in the listing) though downloaded at another time: v4 goes, v3 stays.
    expect(await subs.applyRetention(a.id)).toEqual(['vid-4']);
    expect(deleted).toEqual(['vid-4']);
  });

  it('a link the user asks for by hand is no longer the subscription’s to delete', async () => {
    feed = feedOf(2, 1);
    const a = subs.add({ url: 'http://videos.test/a2', initial: 'all', retention: { keepLast: 1 } });
    await run();
    video(2, { owner: a.id });
    video(1, { owner: a.id });
    k.db.prepare('UPDATE videos SET subscription_id = NULL WHERE id = ?').run('vid-1'); // what library.disown does
    expect(await subs.applyRetention(a.id)).toEqual([]);
  });

  it('retries a failed download of the subscription on later checks, then gives up', async () => {
    feed = feedOf(2, 1);
    failing.add('http://videos.test/v/2.mp4');
    const s = subs.add({ url: 'http://videos.test/premiere', initial: 'all' });
    await run();
    await run();
    expect(k.q.get(downloadJobId('http://videos.test/v/2.mp4'))?.state).toBe('failed');
    const tries = () => queued.filter((u) => u.endsWith('/2.mp4')).length;
    expect(tries()).toBe(1);
    for (let i = 0; i < 5; i++) {
      subs.checkNow(s.id);
      await run();
      await run();
    }
    expect(tries()).toBe(1 + MAX_REQUEUES);
    failing.clear();
    const row = k.db.prepare(`SELECT status, attempts FROM subscription_entries WHERE entry_key = 'generic v2'`).get();
    expect(row).toEqual({ status: 'gave-up', attempts: MAX_REQUEUES + 1 });
  });

  it('premieres and live streams are not recorded until they are ready', async () => {
    feed = [entry(3, { liveStatus: 'is_upcoming' }), entry(2, { liveStatus: 'is_live' }), entry(1)];
    const s = subs.add({ url: 'http://videos.test/live', initial: 'all' });
    await run();
    expect(queued).toEqual(['http://videos.test/v/1.mp4']);
    feed = [entry(3, { liveStatus: 'was_live' }), entry(2, { liveStatus: 'was_live' }), entry(1)];
    subs.checkNow(s.id);
    await run();
    expect(queued).toEqual(['http://videos.test/v/1.mp4', 'http://videos.test/v/3.mp4', 'http://videos.test/v/2.mp4']);
  });

  it('a playlist that grows at its end is walked whole, and its new last entry is found', async () => {
    feed = [entry(1), entry(2), entry(3)]; // oldest first
    const s = subs.add({ url: 'http://videos.test/playlist?list=PL1', initial: 'last', initialCount: 1 });
    await run();
    expect(queued).toEqual(['http://videos.test/v/3.mp4']);
    feed = [entry(1), entry(2), entry(3), entry(4)];
    subs.checkNow(s.id);
    await run();
    expect(queued).toEqual(['http://videos.test/v/3.mp4', 'http://videos.test/v/4.mp4']);
    expect(subs.get(s.id).lastNewCount).toBe(1);
  });

  it('links VidKeep refuses are recorded as such and not counted as new', async () => {
    feed = [entry(2, { url: 'http://videos.test/v/with space.mp4' }), entry(1)];
    const s = subs.add({ url: 'http://videos.test/spaces', initial: 'all' });
    await run();
    expect(subs.get(s.id).lastNewCount).toBe(1);
    expect(k.db.prepare(`SELECT status FROM subscription_entries WHERE entry_key = 'generic v2'`).get()).toEqual({ status: 'rejected' });
  });

  it('removing a subscription while it checks stops the check and queues nothing', async () => {
    feed = feedOf(3, 1);
    const gate = deferred();
    listerGate = gate.promise;
    const s = subs.add({ url: 'http://videos.test/gone', initial: 'all' });
    await run();
    expect(subs.get(s.id).checking).toBe(true);
    subs.remove(s.id);
    gate.resolve();
    await run();
    expect(queued).toEqual([]);
    expect(k.q.list({ name: 'download', limit: 10 }).total).toBe(0);
    expect(k.q.list({ name: CHECK_JOB, state: 'active', limit: 10 }).total).toBe(0);
  });

  it('a check already queued when the subscription is paused does not run; "Check now" still does', async () => {
    feed = feedOf(1, 1);
    const s = subs.add({ url: 'http://videos.test/p', cron: '0 * * * *', initial: 'all' });
    await run();
    k.q.enqueue(CHECK_JOB, { subscriptionId: s.id }, { jobId: 'scheduled', queue: 'subscriptions', deferByMs: 500 });
    subs.pause(s.id);
    feed = [entry(2), ...feedOf(1, 1)];
    await run();
    expect(k.q.get('scheduled')).toMatchObject({ state: 'succeeded', result: { stop: 'skipped' } });
    expect(queued).toEqual(['http://videos.test/v/1.mp4']);
    subs.checkNow(s.id);
    await run();
    expect(queued).toEqual(['http://videos.test/v/1.mp4', 'http://videos.test/v/2.mp4']);
  });

  it('changing the interval does not fire a catch-up check at once', async () => {
    feed = feedOf(1, 1);
    const s = subs.add({ url: 'http://videos.test/cron', cron: '0 3 * * *' });
    await run();
    k.clock.t += 3 * 24 * 3_600_000;
    subs.update({ id: s.id, cron: '0 */6 * * *' });
    await run();
    expect(checkJobs().filter((j) => j.id.startsWith('cron:'))).toEqual([]);
    expect(subs.get(s.id).nextCheckAt).toBeGreaterThan(k.clock.t);
  });
});

describe('links', () => {
  it('follows a YouTube channel’s Videos tab, and knows playlists list oldest first', () => {
    expect(subscriptionUrl('https://www.youtube.com/@chan')).toBe('https://www.youtube.com/@chan/videos');
    expect(subscriptionUrl('https://www.youtube.com/channel/UC123/')).toBe('https://www.youtube.com/channel/UC123/videos');
    expect(subscriptionUrl('https://www.youtube.com/@chan/streams')).toBe('https://www.youtube.com/@chan/streams');
    expect(subscriptionUrl('https://example.com/@chan')).toBe('https://example.com/@chan');
    expect(listsOldestFirst('https://www.youtube.com/playlist?list=PL123')).toBe(true);
    expect(listsOldestFirst('https://www.youtube.com/@chan/videos')).toBe(false);
    expect(listsOldestFirst('https://example.com/feed.xml')).toBe(false);
    expect(listsOldestFirst('https://soundcloud.com/artist/sets/album')).toBe(true);
  });

  it('accepts hourly and daily schedules, refuses ones that would hammer a site', () => {
    const t = Date.UTC(2026, 0, 1);
    expect(() => checkCron('0 * * * *', t)).not.toThrow();
    expect(() => checkCron('*/15 * * * *', t)).not.toThrow();
    expect(() => checkCron('*/10 * * * *', t)).toThrow(/more often/);
    expect(() => checkCron('0,5 3 * * *', t)).toThrow(/more often/);
  });

  it('refuses schedules the scheduler could never fire, and saves nothing', () => {
    const t = Date.UTC(2026, 0, 1);
    for (const cron of ['0 3 L * *', '0 3 * * 1#2', '0 3 15W * *', '0 3 ? * *', '0 3 * * 5L', '0 3 LW * *']) {
      expect(() => checkCron(cron, t), cron).toThrow(/does not support/);
    }
    expect(() => subs.add({ url: 'http://videos.test/quartz', cron: '0 3 L * *' })).toThrow(/uses "L", which VidKeep.s scheduler does not support/);
    expect(subs.list()).toEqual([]);
    const s = subs.add({ url: 'http://videos.test/kept', cron: '0 3 * * 1' });
    expect(() => subs.update({ id: s.id, cron: '0 3 * * 1#1' })).toThrow(/uses "#"/);
    expect(subs.get(s.id).cron).toBe('0 3 * * 1');
  });
});
