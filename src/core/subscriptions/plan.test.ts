import { describe, expect, it } from 'vitest';
import { createPlanner, passes } from './plan';
import { pickExpired } from './retention';
import { formatArchive, parseArchive } from './archive';
import { toListedEntry } from './entries';
import type { ListedEntry } from './types';

const e = (n: number, o: Partial<ListedEntry> = {}): ListedEntry => ({ key: `k ${n}`, url: `http://x.test/${n}`, title: `T${n}`, durationSec: null, uploadDate: null, liveStatus: null, ...o });

describe('check planner', () => {
  it('stops at the first known entry and asks for nothing more', () => {
    const known = new Set(['k 7', 'k 3']);
    const p = createPlanner({ firstCheck: false, initial: 'new', initialCount: 1, filters: {}, isKnown: (k) => known.has(k), isArchived: () => false });
    const pushed: boolean[] = [];
    for (const n of [9, 8, 7, 6, 5]) pushed.push(p.push(e(n)));
    expect(pushed).toEqual([true, true, false, false, false]);
    expect(p.result()).toMatchObject({ looked: 2, stop: 'known' });
    expect(p.result().decisions.map((d) => [d.entry.key, d.status])).toEqual([['k 9', 'queued'], ['k 8', 'queued']]);
  });

  it('stops at the limit on a channel with no known entry', () => {
    const p = createPlanner({ firstCheck: false, initial: 'new', initialCount: 1, filters: {}, isKnown: () => false, isArchived: () => false, maxEntries: 5 });
    let n = 0;
    while (p.push(e(n))) n++;
    expect(p.result()).toMatchObject({ looked: 5, stop: 'limit' });
  });

  it('ignores a repeated entry within one listing', () => {
    const p = createPlanner({ firstCheck: true, initial: 'all', initialCount: 1, filters: {}, isKnown: () => false, isArchived: () => false });
    p.push(e(1));
    p.push(e(1));
    expect(p.result().decisions).toHaveLength(1);
  });
});

describe('filters', () => {
  it('match title words case-insensitively and let unknown durations and dates through', () => {
    expect(passes(e(1, { title: 'Cooking SHOW' }), { titleIncludes: 'show' })).toBe(true);
    expect(passes(e(1, { title: 'Cooking' }), { titleIncludes: 'show' })).toBe(false);
    expect(passes(e(1, { durationSec: 59 }), { minDurationSec: 60 })).toBe(false);
    expect(passes(e(1, { durationSec: null }), { minDurationSec: 60, maxDurationSec: 100 })).toBe(true);
    expect(passes(e(1, { uploadDate: '20251231' }), { after: '2026-01-01' })).toBe(false);
    expect(passes(e(1, { uploadDate: '20260101' }), { after: '2026-01-01' })).toBe(true);
  });
});

describe('retention', () => {
  const DAY = 86_400_000;
  const now = 100 * DAY;
  const vids = [
    { id: 'a', addedAt: now - 1 * DAY, keep: false },
    { id: 'b', addedAt: now - 2 * DAY, keep: true },
    { id: 'c', addedAt: now - 3 * DAY, keep: false },
    { id: 'd', addedAt: now - 40 * DAY, keep: false },
    { id: 'e', addedAt: now - 50 * DAY, keep: true },
  ];
  it('keeps the last N not counting kept videos, and never picks a kept one', () => {
    expect(pickExpired(vids, { keepLast: 1 }, now)).toEqual(['c', 'd']);
    expect(pickExpired(vids, { keepDays: 30 }, now)).toEqual(['d']);
    expect(pickExpired(vids, { keepLast: 2, keepDays: 2.5 }, now)).toEqual(['c', 'd']);
    expect(pickExpired(vids, {}, now)).toEqual([]);
  });
});

describe('download archive and listing entries', () => {
  it('round-trips archive lines', () => {
    const p = parseArchive('Youtube abc\r\n\ngeneric  clip-1\n#x\nbad\n');
    expect(p).toEqual({ keys: ['youtube abc', 'generic clip-1'], invalid: ['bad'], invalidCount: 1 });
    expect(formatArchive(['youtube abc', 'generic clip-1', 'youtube abc'])).toBe('generic clip-1\nyoutube abc\n');
  });

  it("keys entries like yt-dlp's archive, including generic entries whose id is in the fragment", () => {
    expect(toListedEntry({ url: 'http://h.test/v/clip3.mp4#__youtubedl_smuggle=%7B%22force_videoid%22%3A+%22clip3%22%7D', title: 'Third' })).toEqual({
      key: 'generic clip3',
      url: 'http://h.test/v/clip3.mp4',
      title: 'Third',
      durationSec: null,
      uploadDate: null,
      liveStatus: null,
    });
    expect(toListedEntry({ id: 'dQw4w9WgXcQ', ie_key: 'Youtube', url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ', duration: 212, timestamp: 1767225600 })).toMatchObject({
      key: 'youtube dQw4w9WgXcQ',
      durationSec: 212,
      uploadDate: '20260101',
    });
    // A fully extracted entry's url is its media file (an expiring CDN link): its page is what to keep.
    expect(toListedEntry({ _type: 'video', id: 'pg', extractor_key: 'Generic', url: 'https://cdn.test/pg.mp4?sig=1', webpage_url: 'https://h.test/page/pg.html' })).toMatchObject({
      key: 'generic pg',
      url: 'https://h.test/page/pg.html',
    });
    expect(toListedEntry({ _type: 'url', ie_key: 'Youtube', id: 'x', url: 'https://www.youtube.com/watch?v=x', live_status: 'is_upcoming' })).toMatchObject({ liveStatus: 'is_upcoming' });
    expect(toListedEntry({ url: 'javascript:alert(1)' })).toBeNull();
    expect(toListedEntry({ title: 'no url' })).toBeNull();
  });
});
