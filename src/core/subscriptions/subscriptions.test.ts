import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_DOWNLOAD_OPTIONS } from '../../shared/types';
import type { Downloads } from '../downloads/types';
import type { Library } from '../library/types';
import { deferred, kit, type Kit } from '../queue/test-kit';
import { CHECK_JOB, createSubscriptions, type Subscriptions } from './index';
import { BASELINE } from './plan';
import { staggerOffset } from '../queue/scheduler';
import type { ListedEntry, Lister } from './types';

const entry = (n: number, o: Partial<ListedEntry> = {}): ListedEntry => ({ key: `generic v${n}`, url: `http://videos.test/v/${n}.mp4`, title: `Video ${n}`, durationSec: null, uploadDate: null, ...o });
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

function make(o: { maxEntries?: number } = {}) {
  const downloads: Downloads = {
    add(req) {
      queued.push(...req.urls);
      return { jobs: req.urls.map((url) => ({ url })) };
    },
  };
  const library = { delete: async (id: string) => (deleted.push(id), true) } as unknown as Library;
  return createSubscriptions({ db: k.db, queue: k.q, library: () => library, downloads, defaults: () => DEFAULT_DOWNLOAD_OPTIONS, lister, now: k.clock.now, staggerMs: 120_000, ...o });
}

beforeEach(async () => {
  k = kit();
  feed = [];
  pulled = 0;
  queued = [];
  deleted = [];
  listerGate = null;
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
    expect(subs.checkNow(s.id).already).toBe(true);
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
    expect(() => subs.add({ url: 'http://videos.test/x', cron: 'every tuesday' })).toThrow(/not a valid schedule/);
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
