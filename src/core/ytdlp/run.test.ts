import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../db/open';
import { migrate } from '../db/migrate';
import { createProcessTracker, RUN_MARKER_ENV } from './processes';
import { runYtDlp } from './run';
import type { YtEvent } from './progress';

/** A stand-in for yt-dlp: a real process (so the kill-tree path is real) running `script`. */
const node = (script: string) => ({ bin: process.execPath, args: ['-e', script] });
/** Gone, or a zombie waiting for a reaper (a container's pid 1 may never reap it): either way not running. */
const gone = (pid: number) => {
  try {
    return /^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return true;
  }
};

describe('runYtDlp', () => {
  it('parses marked lines split across chunks, and postprocess markers yt-dlp puts on stderr', async () => {
    const events: YtEvent[] = [];
    const res = await runYtDlp({
      ...node(`
        const w = (s) => process.stdout.write(s);
        w('VK:INFO{"id":"a","title":"T","_type":"video","extractor_key":"Generic"}\\nVK:PROG{"v":"NA","a":"NA","p":{"status":"downl');
        setTimeout(() => {
          w('oading","downloaded_bytes":5,"total_bytes":10}}\\n');
          process.stderr.write('WARNING: hi\\nVK:PP{"s":"started","pp":"Merger"}VK:PP{"s":"fin');
          process.stderr.write('ished","pp":"Merger"}ERROR: boom\\n');
          w('VK:FILE"/lib/Generic/a.mp4"\\n');
        }, 50);`),
      onEvent: (e) => events.push(e),
    });
    expect(res).toMatchObject({ reason: 'exit', exitCode: 0, files: ['/lib/Generic/a.mp4'] });
    expect(res.stderr).toBe('WARNING: hi\nERROR: boom\n');
    // stdout and stderr are separate pipes: order holds within each, not across them.
    expect(events.map((e) => e.kind).filter((k) => k !== 'postprocess')).toEqual(['info', 'progress', 'file']);
    expect(events.filter((e) => e.kind === 'postprocess').map((e) => e.kind === 'postprocess' && e.status)).toEqual(['started', 'finished']);
    expect(res.lastProgress?.percent).toBe(50);
  });

  it('abort ends the whole process tree, grandchildren included', async () => {
    const ac = new AbortController();
    let grandchild = 0;
    const res = await runYtDlp({
      ...node(`const c = require('child_process').spawn('sleep', ['60'], { stdio: 'ignore' }); console.log('VK:FILE"' + c.pid + '"'); setInterval(() => {}, 1000);`),
      signal: ac.signal,
      onEvent: (e) => {
        if (e.kind === 'file') {
          grandchild = Number(e.path);
          ac.abort();
        }
      },
    });
    expect(res.reason).toBe('aborted');
    expect(grandchild).toBeGreaterThan(0);
    expect(gone(res.pid!)).toBe(true);
    expect(gone(grandchild)).toBe(true);
  });

  it('SIGKILLs a child that ignores SIGTERM after the grace period', async () => {
    const ac = new AbortController();
    const res = await runYtDlp({
      ...node(`process.on('SIGTERM', () => {}); console.log('VK:FILE"x"'); setInterval(() => {}, 1000);`),
      signal: ac.signal,
      killGraceMs: 300,
      onEvent: () => ac.abort(),
    });
    expect(res).toMatchObject({ reason: 'aborted', signal: 'SIGKILL' });
  });

  it('stops a run that goes quiet (stall) and one that runs too long (timeout)', async () => {
    const quiet = await runYtDlp({ ...node(`console.log('started'); setInterval(() => {}, 1000);`), stallMs: 300 });
    expect(quiet.reason).toBe('stalled');
    const chatty = await runYtDlp({ ...node(`setInterval(() => console.log('still here'), 50);`), stallMs: 1000, timeoutMs: 400 });
    expect(chatty.reason).toBe('timeout');
  });

  it('reports a binary that does not exist', async () => {
    const res = await runYtDlp({ bin: '/nonexistent/yt-dlp', args: [] });
    expect(res).toMatchObject({ reason: 'spawn-error', spawnError: 'ENOENT' });
  });

  it('records the pid while running and forgets it after', async () => {
    const log: string[] = [];
    await runYtDlp({ ...node(`console.log('x')`), onSpawn: (pid, cmd) => log.push(`+${pid}:${cmd.includes('-e')}`), onExit: (pid) => log.push(`-${pid}`) });
    expect(log).toHaveLength(2);
    expect(log[0]).toMatch(/^\+\d+:true$/);
    expect(log[1]).toBe(`-${log[0]!.slice(1).split(':')[0]}`);
  });

  it('records the run durably before the child exists, hands it the marker, and forgets it once gone', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vk-run-'));
    const db = openDatabase(join(dir, 't.db'));
    try {
      migrate(db);
      const rows = () => db.prepare('SELECT pid, marker FROM child_processes').all() as Array<{ pid: number | null; marker: string }>;
      const tracker = createProcessTracker(db, 'this-launch');
      const seen: Array<{ pid: number | null; marker: string }[]> = [];
      const res = await runYtDlp({
        ...node(`console.log('VK:FILE"' + process.env.${RUN_MARKER_ENV} + '"')`),
        tracker: {
          begin(command) {
            const t = tracker.begin(command);
            seen.push(rows()); // already written when begin returns, before the spawn
            return t;
          },
        },
        onSpawn: () => void seen.push(rows()),
      });
      expect(seen[0]).toEqual([{ pid: null, marker: expect.any(String) }]);
      expect(seen[1]).toEqual([{ pid: res.pid, marker: seen[0]![0]!.marker }]);
      expect(res.files).toEqual([seen[0]![0]!.marker]);
      expect(rows()).toEqual([]);
    } finally {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
