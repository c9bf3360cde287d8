import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore, type Core } from './index';
import { dispatch } from './dispatch';
import { createSettingsStore, defaultSettings } from './settings';
import { createPauseReasons, settingsPauseStore } from './pause-reasons';
import { kit, settle, type Kit } from './queue/test-kit';

describe('pause reasons on the real queue', () => {
  let k: Kit;
  afterEach(() => k.close());

  const reasonsFor = (q = k.q) => createPauseReasons(q, settingsPauseStore(createSettingsStore(k.db, defaultSettings('/lib'))), () => q.metrics().paused);

  it('a sleep keeps the queue paused only while asleep, and a wake leaves the user’s pause alone', async () => {
    k = kit();
    const ran: string[] = [];
    k.q.register('probe', async (ctx) => void ran.push(ctx.jobId));
    await k.q.start();
    const p = reasonsFor();

    p.add('user');
    p.add('system');
    p.remove('system');
    const { jobId } = k.q.enqueue('probe', {});
    await settle();
    expect(k.q.metrics().paused).toBe(true);
    expect(ran).toEqual([]);

    p.add('system');
    p.remove('user'); // the user resumes while the system still sleeps: still nothing runs
    await settle();
    expect(ran).toEqual([]);

    p.remove('system');
    await settle();
    expect(ran).toEqual([jobId]);
    expect(k.q.metrics().paused).toBe(false);
  });

  it('the user’s pause survives a restart; a sleep the last launch never woke from does not', async () => {
    k = kit();
    let p = reasonsFor();
    p.add('system');
    expect(k.q.metrics().paused).toBe(true); // the queue's own saved bit now says paused
    k.reopen();
    p = reasonsFor();
    expect(p.has('system')).toBe(false);
    expect(k.q.metrics().paused).toBe(false);

    p.add('user');
    k.reopen();
    p = reasonsFor();
    expect(p.has('user')).toBe(true);
    expect(k.q.metrics().paused).toBe(true);
  });

  it('a library paused before reasons existed stays paused by the user', () => {
    k = kit();
    k.q.pause();
    k.reopen();
    const p = reasonsFor();
    expect(p.has('user')).toBe(true);
    expect(k.q.metrics().paused).toBe(true);
  });
});

describe('core: suspend and resume around the user’s Pause all', () => {
  let dir: string;
  let core: Core;
  afterEach(async () => {
    await core.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('waking from sleep does not undo Pause all; Resume all after waking does', async () => {
    dir = mkdtempSync(join(tmpdir(), 'vk-pause-'));
    core = await createCore({ dataDir: join(dir, 'data'), libraryDir: join(dir, 'lib'), host: 'web', version: 'test' });
    const paused = async (r: Promise<unknown>) => ((await r) as { ok: true; value: { paused: boolean } }).value.paused;

    expect(await paused(dispatch(core.handlers, 'queue.pause', {}))).toBe(true);
    core.suspend();
    core.resume();
    expect(core.queue.metrics().paused).toBe(true);
    expect(core.pauses.has('user')).toBe(true);

    core.suspend();
    expect(await paused(dispatch(core.handlers, 'queue.resume', {}))).toBe(true); // still asleep
    core.resume();
    expect(core.queue.metrics().paused).toBe(false);
  });
});
