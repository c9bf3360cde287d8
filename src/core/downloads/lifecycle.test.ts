import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_DOWNLOAD_OPTIONS } from '../../shared/types';
import { VidKeepError } from '../../shared/errors';
import { PermanentJobError, RetryJob } from '../queue/types';
import { makeContext } from '../../../test/fixtures/job-context';
import { reapOrphans } from '../ytdlp/processes';
import { createDownloadHandler } from './handler';
import type { DownloadPayload } from './types';
import { createHarness, groupGone, processesMentioning, type Harness } from './harness.test-kit';
import { defaultSettings } from '../settings';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

const payload = (url: string): DownloadPayload => ({ url, options: DEFAULT_DOWNLOAD_OPTIONS });
const rows = () => h.db.prepare('SELECT pid, launch_id FROM child_processes').all() as Array<{ pid: number; launch_id: string }>;

describe('download lifecycle', () => {
  it('cancel kills yt-dlp and everything it started, and keeps the partial file', async () => {
    const run = makeContext(payload(`${h.server.url}/slow/8000/v/cancel-me.mp4`));
    const done = createDownloadHandler(h.options())(run.ctx).catch((e: unknown) => e);
    await run.waitFor((p) => (p.downloadedBytes ?? 0) > 2000);
    const pid = h.pids.at(-1)!;
    expect(rows().map((r) => r.pid)).toContain(pid);
    run.controller.abort();
    const err = await done;
    expect(err).toBeInstanceOf(PermanentJobError);
    expect((err as PermanentJobError).info.code).toBe('cancelled');
    expect(groupGone(pid)).toBe(true);
    expect(processesMentioning(h.lib)).toEqual([]);
    expect(rows()).toEqual([]);
    expect(readdirSync(join(h.lib, 'Generic')).filter((f) => f.endsWith('_v_cancel-me.mp4.part'))).toHaveLength(1);
  });

  it('the time limit (the queue aborting with its timeout) ends the run with code timeout and leaves no process', async () => {
    const run = makeContext(payload(`${h.server.url}/slow/4000/v/too-slow.mp4`));
    const limit = setTimeout(() => run.controller.abort(new VidKeepError('timeout', 'The job ran out of time.')), 2500);
    const err = await createDownloadHandler(h.options({ timeoutMs: 2500 }))(run.ctx).catch((e: unknown) => e);
    clearTimeout(limit);
    expect((err as PermanentJobError).info.code).toBe('timeout');
    expect(groupGone(h.pids.at(-1)!)).toBe(true);
    expect(processesMentioning(h.lib)).toEqual([]);
  });

  it('a stalled transfer is stopped by the watchdog and retried as stalled', async () => {
    const err = await createDownloadHandler(h.options({ stallMs: 1500 }))(makeContext(payload(`${h.server.url}/fault/stall/v/stuck.mp4`)).ctx).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RetryJob);
    expect((err as RetryJob).info?.code).toBe('stalled');
    expect(groupGone(h.pids.at(-1)!)).toBe(true);
  });

  it('a download killed mid-way resumes from its partial file', async () => {
    const url = `${h.server.url}/slow/15000/v/resume.mp4`;
    const first = makeContext(payload(url));
    // Byte-exact resume is the point here: nothing written into the file afterwards.
    const plain = h.options({ getSettings: () => ({ ...defaultSettings(h.lib), embedMetadata: false }) });
    const done = createDownloadHandler(plain)(first.ctx).catch((e: unknown) => e);
    await first.waitFor((p) => (p.downloadedBytes ?? 0) >= 20_000);
    first.controller.abort();
    await done;
    const partName = readdirSync(join(h.lib, 'Generic')).find((f) => f.endsWith('_v_resume.mp4.part'));
    const part = join(h.lib, 'Generic', partName ?? 'missing.part');
    const partSize = statSync(part).size;
    expect(partSize).toBeGreaterThan(10_000);
    const before = h.server.requests.length;
    // The next try of the same link finds the same .part file.
    const second = await createDownloadHandler(plain)(makeContext(payload(url), { tryNumber: 2 }).ctx);
    expect(second).toEqual({ videoId: expect.any(String) });
    const media = h.server.requests.slice(before).filter((r) => r.path.endsWith('/resume.mp4') && r.bytesSent > 0);
    expect(media.at(-1)?.range).toBe(`bytes=${partSize}-`);
    // The generic extractor's page probe (no Range) only peeks at the start; the body comes by Range,
    // and only the missing part of it.
    const ranged = media.filter((r) => r.range !== null);
    expect(ranged).toHaveLength(1);
    expect(ranged[0]!.bytesSent).toBe(h.server.media.mp4Bytes - partSize);
    // The finished file, wherever the layout placed it, is the clip byte for byte.
    const kept = h.library.get((second as { videoId: string }).videoId)!;
    expect(statSync(join(h.lib, kept.filePath)).size).toBe(h.server.media.mp4Bytes);
  });

  it('at startup ends yt-dlp left by an earlier launch, but not an unrelated process with a reused pid', async () => {
    const orphan = spawn(h.tools.ytDlp.path!, ['--ignore-config', '-o', join(h.lib, 'orphan.%(ext)s'), '--', `${h.server.url}/slow/2000/v/orphan.mp4`], { detached: true, stdio: 'ignore' });
    const bystander = spawn('sleep', ['30'], { detached: true, stdio: 'ignore' });
    const ins = h.db.prepare('INSERT INTO child_processes (pid, launch_id, command, started_at) VALUES (?, ?, ?, ?)');
    ins.run(orphan.pid, 'crashed-launch', 'yt-dlp ...', Date.now());
    ins.run(bystander.pid, 'crashed-launch', 'yt-dlp (pid reused since)', Date.now());
    ins.run(process.pid, 'test-launch', 'this launch', Date.now());
    const exited = new Promise((r) => orphan.once('exit', r));
    const out = reapOrphans({ db: h.db, launchId: 'test-launch' });
    expect(out.killed).toEqual([orphan.pid]);
    expect(out.skipped).toEqual([bystander.pid]);
    await exited;
    expect(groupGone(orphan.pid!)).toBe(true);
    expect(groupGone(bystander.pid!)).toBe(false);
    process.kill(-bystander.pid!, 'SIGKILL');
    expect(rows()).toEqual([{ pid: process.pid, launch_id: 'test-launch' }]);
    h.db.prepare('DELETE FROM child_processes').run();
  });
});
