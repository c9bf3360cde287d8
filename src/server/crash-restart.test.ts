// Issue 18: kill the headless host's process group mid-download and start it again at once, 20
// times in a row. Each killed host stays a zombie (its parent never reaps it, like a container's
// pid 1 or a busy launcher), so a lock that trusts kill(pid, 0) would refuse every restart.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { openDatabase } from '../core/db/open';
import { startMediaServer, type MediaServer } from '../../test/fixtures/media-server';
import { makeMedia } from '../../test/fixtures/media';

const ROOT = join(import.meta.dirname, '../..');
const CLI = join(import.meta.dirname, 'cli.ts');
const RESTARTS = Number(process.env.VK_RESTARTS ?? 20);
const NAME = 'restart-me';

let dir: string;
let media: MediaServer;
const sleepers: ChildProcess[] = [];
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'vk-restart-'));
  // A longer clip than the shared default, so the download outlasts 20 restarts on a slow machine.
  makeMedia(join(dir, 'media'), { durationSec: 30 });
  media = await startMediaServer({ mediaDir: join(dir, 'media') });
});
afterAll(async () => {
  for (const s of sleepers) s.kill('SIGKILL');
  await media.close();
  rmSync(dir, { recursive: true, force: true });
});

interface Host {
  pid: number;
  url: string;
  output(): string;
}

/**
 * Starts the host from source through a shell that then becomes `sleep`: the host's parent never
 * reaps it, so once killed it stays a zombie whose pid still answers kill(pid, 0).
 */
function startHost(dataDir: string, libraryDir: string): Promise<Host> {
  const args = [process.execPath, '--import', 'tsx', CLI, '--port', '0', '--data-dir', dataDir, '--library', libraryDir];
  const sh = spawn('sh', ['-c', 'setsid "$0" "$@" & echo "host-pid $!"; exec sleep 600', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  sleepers.push(sh);
  let out = '';
  return new Promise<Host>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the host did not start in 60 s:\n${out}`)), 60_000);
    const onData = (d: Buffer) => {
      out += d.toString();
      if (/could not start|already using/.test(out)) {
        clearTimeout(timer);
        reject(new Error(`the host refused to start:\n${out}`));
      }
      const pid = /host-pid (\d+)/.exec(out);
      const url = /VidKeep is running at (\S+)/.exec(out);
      if (pid && url) {
        clearTimeout(timer);
        resolve({ pid: Number(pid[1]), url: url[1]!, output: () => out });
      }
    };
    sh.stdout!.on('data', onData);
    sh.stderr!.on('data', onData);
  });
}

const running = (pid: number) => {
  try {
    return !/^\d+ \(.*\) [ZX]/s.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
};

/** Live yt-dlp processes downloading the test's video. */
function ytDlps(): number[] {
  const pids: number[] = [];
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const cmd = readFileSync(`/proc/${d}/cmdline`, 'utf8');
      if (/yt-dlp|yt_dlp/.test(cmd) && cmd.includes(`${NAME}.mp4`) && running(Number(d))) pids.push(Number(d));
    } catch {
      // gone meanwhile
    }
  }
  return pids;
}

/**
 * yt-dlp runs of the video at this moment: each run is its own process group (yt-dlp may fork a
 * helper that shows yt-dlp's command line until it execs; that is the same run).
 */
function runs(): number[] {
  const groups = new Set<number>();
  for (const pid of ytDlps()) {
    try {
      groups.add(Number(readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /s, '').split(' ')[2]));
    } catch {
      // gone meanwhile
    }
  }
  return [...groups];
}

const files = (libraryDir: string) => readdirSync(libraryDir, { recursive: true, encoding: 'utf8' });
const partSize = (libraryDir: string) => {
  const part = files(libraryDir).find((f) => f.endsWith('.part'));
  return part ? statSync(join(libraryDir, part)).size : 0;
};

function jobState(dataDir: string): string {
  const db = openDatabase(join(dataDir, 'vidkeep.db'), { readonly: true });
  try {
    return JSON.stringify(db.prepare('SELECT state, tries, error, run_at - ? AS in_ms FROM jobs').all(Date.now()));
  } finally {
    db.close();
  }
}

async function until(ok: () => boolean, what: string, ms = 60_000): Promise<void> {
  const end = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

function addDownload(host: Host, url: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(host.url.replace(/^http/, 'ws').replace(/\/?$/, '/ws'));
    ws.once('open', () => ws.send(JSON.stringify({ id: 1, channel: 'jobs.add', payload: { urls: [url] } })));
    ws.on('message', (d) => {
      const msg = JSON.parse(d.toString()) as { id?: number; result?: { ok: boolean } };
      if (msg.id !== 1) return;
      ws.close();
      if (msg.result?.ok) resolve();
      else reject(new Error(`jobs.add failed: ${d.toString()}`));
    });
    ws.once('error', reject);
  });
}

describe('restart right after a crash', () => {
  it(`SIGKILL the host mid-download and start it again at once, ${RESTARTS} times: every start succeeds, one file, never two yt-dlp`, { timeout: 600_000 }, async () => {
    const dataDir = join(dir, 'data');
    const libraryDir = join(dir, 'lib');
    // About 60 s of transfer in all: much of it still to come after the last kill.
    const url = `${media.url}/slow/${Math.ceil(media.media.mp4Bytes / 60)}/v/${NAME}.mp4`;
    let most = 0;
    const sampler = setInterval(() => (most = Math.max(most, runs().length)), 20);
    try {
      let host = await startHost(dataDir, libraryDir);
      await addDownload(host, url);
      let starts = 1;
      for (let i = 0; i < RESTARTS; i++) {
        const before = partSize(libraryDir);
        // Kill during the download: yt-dlp running and bytes arriving in this launch.
        await until(() => ytDlps().length > 0 && partSize(libraryDir) > before, `the download to progress (restart ${i}, ${jobState(dataDir)}, ${files(libraryDir).join(', ')}, yt-dlp ${ytDlps().join()}, part ${partSize(libraryDir)}):\n${host.output()}`);
        process.kill(-host.pid, 'SIGKILL');
        const next = startHost(dataDir, libraryDir); // at once: no pause, the old host not yet gone
        host = await next;
        starts++;
      }
      expect(starts).toBe(RESTARTS + 1);
      const db = openDatabase(join(dataDir, 'vidkeep.db'), { readonly: true });
      try {
        // The download's own job: a start on a library with no videos yet also runs a (quick) rebuild-from-disk job.
        await until(() => (db.prepare("SELECT state FROM jobs WHERE name = 'download'").all() as Array<{ state: string }>).some((r) => r.state === 'succeeded'), 'the download to finish', 180_000);
        expect(db.prepare("SELECT state, count(*) AS n FROM jobs WHERE name = 'download' GROUP BY state").all()).toEqual([{ state: 'succeeded', n: 1 }]);
      } finally {
        db.close();
      }
      process.kill(-host.pid, 'SIGTERM');
      await until(() => !running(host.pid), 'the last host to stop');
      // Wherever the layout names it ("restart-me [restart-me].mp4" by default).
      const kept = files(libraryDir).filter((f) => f.includes(NAME) && f.endsWith('.mp4'));
      expect(kept).toHaveLength(1);
      // The whole clip once (a bad resume doubles or drops bytes), plus the embedded title's tags.
      const size = statSync(join(libraryDir, kept[0]!)).size;
      expect(size).toBeGreaterThanOrEqual(media.media.mp4Bytes);
      expect(size).toBeLessThan(media.media.mp4Bytes + 4096);
      expect(files(libraryDir).filter((f) => f.endsWith('.part'))).toEqual([]);
      expect(most).toBe(1);
      expect(runs()).toEqual([]);
    } finally {
      clearInterval(sampler);
    }
  });
});
