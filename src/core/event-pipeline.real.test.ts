// The real path of the event pipeline: real yt-dlp downloads through createCore, every contract
// event as a host would forward it, timed on the wall clock.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startMediaServer, type MediaServer } from '../../test/fixtures/media-server';
import { createCore, type Core } from './index';
import { COALESCE_MS } from './coalescer';
import type { EventName, Events } from '../shared/contract';

let dir: string;
let server: MediaServer;
let core: Core;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'vk-pipeline-'));
  server = await startMediaServer({ mediaDir: join(tmpdir(), 'vidkeep-test-media') });
  core = await createCore({ dataDir: join(dir, 'data'), libraryDir: join(dir, 'lib'), host: 'web', version: 'test' });
}, 120_000);
afterAll(async () => {
  await core.close();
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('event pipeline, real downloads', () => {
  it('progress reaches hosts at most every ~100 ms with each download once; the library says what landed', async () => {
    const seen: Array<{ name: EventName; payload: unknown; at: number }> = [];
    const off = core.events.onAny((name, payload) => void seen.push({ name, payload, at: performance.now() }));
    const urls = ['pipe-a', 'pipe-b'].map((n) => `${server.url}/slow/60000/v/${n}.mp4`);
    const ids = core.downloads.add({ urls }, core.settings.get().defaults).jobs.map((j) => j.jobId!);
    const finished = () => ids.filter((id) => seen.some((e) => e.name === 'jobs.changed' && (e.payload as Events['jobs.changed']).jobId === id && (e.payload as Events['jobs.changed']).kind === 'succeeded'));
    await expect.poll(() => finished().length, { timeout: 90_000, interval: 100 }).toBe(2);

    const progress = seen.filter((e) => e.name === 'jobs.progress');
    expect(progress.length).toBeGreaterThanOrEqual(3);
    for (let i = 1; i < progress.length; i++) expect(progress[i]!.at - progress[i - 1]!.at).toBeGreaterThanOrEqual(COALESCE_MS - 5);
    for (const p of progress) {
      const jobIds = (p.payload as Events['jobs.progress']).updates.map((u) => u.jobId);
      expect(new Set(jobIds).size).toBe(jobIds.length);
    }
    // No progress for a job after its final state.
    for (const id of ids) {
      const doneAt = seen.findIndex((e) => e.name === 'jobs.changed' && (e.payload as Events['jobs.changed']).jobId === id && (e.payload as Events['jobs.changed']).kind === 'succeeded');
      expect(seen.slice(doneAt + 1).some((e) => e.name === 'jobs.progress' && (e.payload as Events['jobs.progress']).updates.some((u) => u.jobId === id))).toBe(false);
    }
    const videoIds = ids.map((id) => {
      const done = seen.find((e) => e.name === 'jobs.changed' && (e.payload as Events['jobs.changed']).jobId === id && (e.payload as Events['jobs.changed']).kind === 'succeeded')!;
      return (done.payload as Events['jobs.changed']).job!.download!.videoId!;
    });
    // Library changes are coalesced, so the last one may land up to one interval after its job's 'succeeded'.
    const changedIds = () => seen.filter((e) => e.name === 'library.changed').flatMap((e) => (e.payload as Events['library.changed']).videoIds);
    await expect.poll(changedIds, { timeout: 5_000 }).toEqual(expect.arrayContaining(videoIds));
    off();
  });
});
