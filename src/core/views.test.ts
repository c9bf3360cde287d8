import { describe, expect, it } from 'vitest';
import { toDownload, toJobView, toSubscriptionCheck } from './views';
import type { QueueJob } from './queue/types';
import { jobViewSchema } from '../shared/job';
import { DEFAULT_DOWNLOAD_OPTIONS } from '../shared/types';

const row = (o: Partial<QueueJob> = {}): QueueJob => ({
  id: 'j1', name: 'download', queue: 'default', state: 'queued', payload: { url: 'https://example.com/v', options: DEFAULT_DOWNLOAD_OPTIONS },
  priority: 0, tries: 0, maxTries: 3, runAt: 5, createdAt: 1, startedAt: null, finishedAt: null, error: null, result: null, progress: null, label: 'https://example.com/v', ...o,
});

describe('view mapper', () => {
  it('makes a download view from a row written before origins existed', () => {
    expect(toDownload(row())).toMatchObject({ id: 'j1', url: 'https://example.com/v', title: 'https://example.com/v', origin: 'pasted', stage: 'waiting', stopping: false, result: null, videoId: null });
    expect(toDownload(row({ payload: { url: 'https://example.com/v', options: DEFAULT_DOWNLOAD_OPTIONS, subscriptionId: 's1' } }))).toMatchObject({ origin: 'subscription', subscriptionId: 's1' });
    expect(toDownload(row({ payload: { url: 'https://example.com/v', options: DEFAULT_DOWNLOAD_OPTIONS, origin: 'command-line' } }))?.origin).toBe('command-line');
  });

  it('hides yt-dlp\'s smuggled data and prefers the reported title', () => {
    const d = toDownload(row({ state: 'active', payload: { url: 'https://example.com/p#__youtubedl_smuggle=%7B%7D', options: DEFAULT_DOWNLOAD_OPTIONS }, progress: { stage: 'merging', percent: null, downloadedBytes: null, totalBytes: null, speed: null, eta: null, title: 'Cats', thumbnailUrl: 'https://i/x.jpg' } }));
    expect(d).toMatchObject({ url: 'https://example.com/p', title: 'Cats', thumbnail: 'https://i/x.jpg', stage: 'merging' });
  });

  it('types each result shape and finds the video it produced', () => {
    expect(toDownload(row({ state: 'succeeded', result: { videoId: 'v1' } }))).toMatchObject({ videoId: 'v1', stage: 'done', result: { videoId: 'v1' } });
    expect(toDownload(row({ state: 'succeeded', result: { alreadyKept: 'v2' } }))?.videoId).toBe('v2');
    expect(toDownload(row({ state: 'succeeded', result: { needsConfirm: true, playlistTitle: null, count: 3, url: 'https://e/p' } }))?.result).toEqual({ needsConfirm: true, playlistTitle: null, count: 3, url: 'https://e/p' });
    // A result that fits no shape is shown as none, never cast.
    expect(toDownload(row({ state: 'succeeded', result: { videoId: 42 } }))).toMatchObject({ result: null, videoId: null });
  });

  it('carries a stopping run as stage "stopping"', () => {
    expect(toDownload(row({ state: 'active', stopping: true }))).toMatchObject({ stopping: true, stage: 'stopping' });
    expect(toJobView(row({ state: 'active', stopping: true })).stopping).toBe(true);
  });

  it('makes no download view of a broken or foreign payload', () => {
    expect(toDownload(row({ payload: { url: 5 } }))).toBeNull();
    expect(toDownload(row({ name: 'other' }))).toBeNull();
  });

  it('gives a check its count as a number and its title without reading the label', () => {
    const check = row({ id: 'c1', name: 'subscription.check', label: 'Check Something Else', payload: { subscriptionId: 's1', manual: true, title: 'https://e/c' } });
    expect(toSubscriptionCheck(check)).toMatchObject({ subscriptionId: 's1', title: 'https://e/c', manual: true, queued: null });
    expect(toSubscriptionCheck(check, { subscriptionTitle: () => 'Cooking' })?.title).toBe('Cooking');
    const done = { ...check, state: 'succeeded' as const, result: { queued: 3, looked: 10, stop: 'known', title: 'Cooking channel' } };
    expect(toSubscriptionCheck(done, { subscriptionTitle: () => 'Cooking' })).toMatchObject({ title: 'Cooking channel', queued: 3, looked: 10 });
  });

  it('every job view fits the contract schema', () => {
    for (const r of [row(), row({ name: 'subscription.check', payload: { subscriptionId: 's' } }), row({ name: 'other', payload: null })]) {
      expect(jobViewSchema.safeParse(toJobView(r)).success).toBe(true);
    }
  });
});
