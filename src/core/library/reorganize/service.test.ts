import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createQueue } from '../../queue/index';
import type { Queue } from '../../queue/types';
import type { LayoutSetting } from '../layout/index';
import type { ReorganizeStatus } from '../../../shared/reorganize';
import { createReorganizeService, REORGANIZE_JOB_ID, type ReorganizeService } from './service';
import { exists, openKit, type Kit } from './test-kit';

let dir: string;
let kit: Kit;
let queue: Queue;
let service: ReorganizeService;
let statuses: ReorganizeStatus[];
let changed: string[];
let layout: LayoutSetting;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'vk-reorg-svc-'));
  kit = openKit(join(dir, 'db.sqlite'), join(dir, 'library'), { fast: true });
  queue = createQueue({ db: kit.db, maxJobs: 2, log: () => {} });
  statuses = [];
  changed = [];
  layout = { preset: 'channel', template: '' };
  service = createReorganizeService({ db: kit.db, queue, libraryDir: () => kit.lib, layout: () => layout, onChange: (ids) => changed.push(...ids), onStatus: (s) => statuses.push(s) });
  await queue.start();
});
afterEach(async () => {
  await queue.stop();
  kit.db.close();
  rmSync(dir, { recursive: true, force: true });
});

const settled = () =>
  new Promise<ReorganizeStatus>((resolve) => {
    const off = queue.on((e) => {
      if (e.type !== 'progress' && e.type !== 'removed' && e.job.id === REORGANIZE_JOB_ID && ['succeeded', 'failed', 'cancelled'].includes(e.job.state)) {
        off();
        resolve(service.status());
      }
    });
  });

describe('the reorganize job', () => {
  it('counts what will move, moves it with the real layout as a queue job, and reports progress and the result', async () => {
    const a = kit.add('Test/a.mp4', { title: 'Première: the ../../etc/passwd show', uploader: 'Ünï Channel' });
    kit.add('Test/b.mp4', { title: 'Second', uploader: 'Other' });
    expect(service.status().state).toBe('idle');
    expect(service.preview()).toEqual({ total: 2, toMove: 2 });
    const done = settled();
    const { already } = service.start();
    expect(already).toBe(false);
    const s = await done;
    expect(s).toMatchObject({ state: 'succeeded', done: 2, total: 2, moved: 2, skipped: 0, current: null, error: null });
    // "By channel": <Uploader>/<YYYY-MM-DD> <Title> [<id>].<ext>, inside the library whatever the title holds.
    const p = kit.paths(a.id).file;
    expect(p).toMatch(/^Ünï Channel\/2024-01-02 Première.+\[v1-10\]\.mp4$/u);
    expect(p.split('/')).toHaveLength(2);
    expect(exists(join(kit.lib, ...p.split('/')))).toBe(true);
    expect(changed.sort()).toHaveLength(2);
    expect(statuses.some((x) => x.state === 'running')).toBe(true);
    expect(statuses.at(-1)).toMatchObject({ state: 'succeeded', moved: 2 });
    expect(service.preview()).toEqual({ total: 2, toMove: 0 });
    // Flat now: everything moves again, and the old channel folders go.
    layout = { preset: 'flat', template: '' };
    expect(service.preview()).toEqual({ total: 2, toMove: 2 });
    const again = settled();
    service.start();
    expect(await again).toMatchObject({ state: 'succeeded', moved: 2 });
    expect(kit.paths(a.id).file).not.toContain('/');
  });

  it('refuses a second start while one is queued or running, and can be cancelled', async () => {
    for (let i = 0; i < 30; i++) kit.add(`Test/v${i}.mp4`, { title: `V ${i}` });
    await queue.stop();
    queue.pause();
    await queue.start();
    const first = service.start();
    expect(first).toMatchObject({ already: false, status: { state: 'queued' } });
    expect(service.start()).toMatchObject({ already: true, status: { state: 'queued', jobId: REORGANIZE_JOB_ID } });
    const done = settled();
    queue.resume();
    queue.cancel(REORGANIZE_JOB_ID, 'Cancelled by you.');
    const s = await done;
    expect(s.state).toBe('cancelled');
    expect(s.moved).toBeLessThan(30);
    // A new start after the end is a new run.
    const next = settled();
    expect(service.start().already).toBe(false);
    expect(await next).toMatchObject({ state: 'succeeded', total: 30 });
    expect((await next).moved + s.moved).toBe(30);
  });

  it('numbers an uploader\'s videos of one day for the media-server preset, and keeps hostile titles inside the library', async () => {
    const titles = ['../../etc/passwd', '/etc/x', 'nul\0byte', 'é'.repeat(300), '\u202Eevil\u202C', '%(id)s', 'two\nlines', 'CON', 'trailing. '];
    const vs = titles.map((title, i) => kit.add(`Test/m${i}.mp4`, { title, sides: ['.info.json', '.en.vtt'] }));
    layout = { preset: 'media-server', template: '' };
    const done = settled();
    service.start();
    expect(await done).toMatchObject({ state: 'succeeded', moved: titles.length, skipped: 0 });
    const paths = vs.map((v) => kit.paths(v.id).file);
    expect(new Set(paths).size).toBe(titles.length);
    for (const [i, p] of paths.entries()) {
      expect(p).toMatch(/^Some Channel \[UC1\]\/Season 2024\/Some Channel - S2024E0102\d\d - .+\.mp4$/su);
      expect(exists(join(kit.lib, ...p.split('/')))).toBe(true);
      expect(p).not.toMatch(/\0|\n|(^|\/)\.\.(\/|$)/u);
      expect(kit.paths(vs[i]!.id).subs[0]!.path).toBe(p.replace(/\.mp4$/, '.en.vtt'));
    }
    // Episode numbers follow the order the videos were kept: 01, 02, ...
    expect(paths.map((p) => /E0102(\d\d)/.exec(p)![1])).toEqual(titles.map((_, i) => String(i + 1).padStart(2, '0')));
  });

  it('cancelled while running: stops after the video in hand, says how far it got, every path still valid', async () => {
    for (let i = 0; i < 60; i++) kit.add(`Test/r${i}.mp4`, { title: `R ${i}` });
    let cancelled = false;
    const off = queue.on((e) => {
      if (!cancelled && e.type === 'progress' && e.jobId === REORGANIZE_JOB_ID && e.progress.percent !== null && e.progress.percent > 5) {
        cancelled = true;
        queue.cancel(REORGANIZE_JOB_ID, 'Cancelled by you.');
      }
    });
    const done = settled();
    service.start();
    const s = await done;
    off();
    expect(s.state).toBe('cancelled');
    // The handler winds down after the cancel is recorded; then its last progress is kept.
    await expect.poll(() => service.status().stopping).toBe(false);
    const after = service.status();
    expect(after.moved).toBeGreaterThan(0);
    expect(after.moved).toBeLessThan(60);
    const rows = kit.db.prepare('SELECT file_path FROM videos').all() as Array<{ file_path: string }>;
    for (const r of rows) expect(exists(join(kit.lib, ...r.file_path.split('/')))).toBe(true);
    expect(rows.filter((r) => r.file_path.startsWith('Some Channel/'))).toHaveLength(after.moved);
    expect(kit.db.prepare('SELECT count(*) AS n FROM library_moves').get()).toEqual({ n: 0 });
  });
});
