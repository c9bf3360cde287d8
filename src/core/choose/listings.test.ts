import { describe, expect, it } from 'vitest';
import type { Library } from '../library/types';
import type { ListedEntry, Lister } from '../subscriptions/types';
import { createListings } from './listings';

/** A lister that yields `n` entries in batches, yielding to the event loop between them, as yt-dlp's pages arrive. */
const lister =
  (n: number, gate?: Promise<void>): Lister =>
  async function* ({ signal, onTitle }) {
    onTitle?.('Big channel');
    for (let i = 0; i < n; i++) {
      if (signal.aborted) return;
      if (i === 100 && gate) await gate;
      if (i % 500 === 0) await new Promise((r) => setImmediate(r));
      yield { key: `x v${i}`, url: `https://x.test/v${i}`, title: `Video ${i}`, durationSec: 60 + i, uploadDate: null, liveStatus: null } satisfies ListedEntry;
    }
  };

const library = (kept: Set<string>) => ({ findByUrl: (u: string) => (kept.has(u) ? { id: `vid-${u}`, missing: false } : null) }) as unknown as Library;

describe('playlist listings', () => {
  it('reads 5,000 entries in pages as they arrive, tells the renderer a bounded number of times, marks kept ones', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const told: Array<{ total: number; done: boolean }> = [];
    const l = createListings({ lister: lister(5000, gate), library: () => library(new Set(['https://x.test/v4990'])), notify: (e) => told.push(e), notifyMs: 50 });
    const first = l.open('https://x.test/channel');
    await new Promise((r) => setImmediate(r));
    // Part read: the first page is there before the listing ends.
    const early = l.page(first.listingId, 0, 50);
    expect(early.done).toBe(false);
    expect(early.total).toBe(100);
    expect(early.entries[0]).toMatchObject({ index: 0, title: 'Video 0', durationSec: 60, keptVideoId: null });
    release();
    await new Promise<void>((resolve) => {
      const t = setInterval(() => told.at(-1)?.done && (clearInterval(t), resolve()), 5);
    });
    const end = l.page(first.listingId, 4980, 500);
    expect(end).toMatchObject({ total: 5000, done: true, title: 'Big channel', error: null });
    expect(end.entries).toHaveLength(20);
    expect(end.entries.find((e) => e.index === 4990)!.keptVideoId).toBe('vid-https://x.test/v4990');
    // Not one message per entry: throttled, with the final count always said.
    expect(told.length).toBeLessThan(50);
    expect(told.at(-1)).toMatchObject({ total: 5000, done: true });
    // The same link again reuses the listing rather than asking yt-dlp again.
    expect(l.open('https://x.test/channel#top').listingId).toBe(first.listingId);
    expect(l.pick(first.listingId, [4999, 3, 3]).urls).toEqual(['https://x.test/v3', 'https://x.test/v4999']);
    expect(() => l.pick(first.listingId, [])).toThrow('Choose at least one video from the list.');
    expect(() => l.page('nope', 0, 10)).toThrow(/no longer open/);
    expect(() => l.open('javascript:alert(1)')).toThrow(/only downloads web links/);
    l.close();
  });

  it('a listing that finds nothing or fails says so, and is read again next time', async () => {
    const told: Array<{ error: string | null; done: boolean }> = [];
    const l = createListings({ lister: lister(0), library: () => library(new Set()), notify: (e) => told.push(e) });
    const a = l.open('https://x.test/empty');
    await new Promise((r) => setTimeout(r, 10));
    expect(l.page(a.listingId, 0, 10)).toMatchObject({ done: true, error: 'yt-dlp found no videos at this link.' });
    expect(l.open('https://x.test/empty').listingId).not.toBe(a.listingId);
    l.close();
  });
});
