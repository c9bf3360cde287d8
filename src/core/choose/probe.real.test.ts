// The probe runs through yt-dlp-wrap: real yt-dlp against the local media server, and a stand-in
// that shows what the child was given (its marker) and how it is ended on abort.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startMediaServer, type MediaServer } from '../../../test/fixtures/media-server';
import { openDatabase, type Db } from '../db/open';
import { migrate } from '../db/migrate';
import { pidAlive } from '../ytdlp/kill';
import { createProcessTracker, type ProcessTracker } from '../ytdlp/processes';
import { probe } from './probe';

let dir: string;
let server: MediaServer;
let db: Db;
let tracker: ProcessTracker;
const rows = () => db.prepare('SELECT pid, marker FROM child_processes').all() as Array<{ pid: number | null; marker: string | null }>;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'vk-probe-'));
  server = await startMediaServer({ mediaDir: join(tmpdir(), 'vidkeep-test-media') });
  db = openDatabase(join(dir, 'p.db'));
  migrate(db);
  tracker = createProcessTracker(db, 'launch-1');
}, 120_000);
afterAll(async () => {
  db.close();
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A stand-in yt-dlp: writes its marker and pid, then (with a `hang` link) waits to be killed. */
function standIn(): string {
  const bin = join(dir, 'fake-ytdlp.mjs');
  writeFileSync(
    bin,
    `#!${process.execPath}
import { writeFileSync } from 'node:fs';
writeFileSync(${JSON.stringify(join(dir, 'seen.json'))}, JSON.stringify({ marker: process.env.VIDKEEP_RUN ?? null, pid: process.pid }));
if (process.argv.at(-1).includes('hang')) setInterval(() => {}, 1000);
else console.log(JSON.stringify({ id: 'x', title: 'X', formats: [] }));
`,
  );
  chmodSync(bin, 0o755);
  return bin;
}

describe('probe through yt-dlp-wrap', () => {
  it('real yt-dlp describes an HLS master; its row is written before the spawn and gone after', async () => {
    const p = await probe({ ytDlp: '/usr/bin/yt-dlp', url: `${server.url}/master/pm1/master.m3u8`, tracker });
    expect(p.formats.length).toBeGreaterThan(1);
    expect(rows()).toEqual([]);
  }, 60_000);

  it('the child carries the marker of the row written for it', async () => {
    const bin = standIn();
    let during: ReturnType<typeof rows> = [];
    const spy: ProcessTracker = {
      ...tracker,
      begin(cmd) {
        const t = tracker.begin(cmd);
        during = rows();
        return t;
      },
    };
    await probe({ ytDlp: bin, url: 'https://example.com/v', tracker: spy });
    const seen = JSON.parse(readFileSync(join(dir, 'seen.json'), 'utf8')) as { marker: string };
    expect(during).toEqual([{ pid: null, marker: seen.marker }]);
    expect(rows()).toEqual([]);
  });

  it('an abort ends the child and says so; a timeout is worded as one', async () => {
    const bin = standIn();
    rmSync(join(dir, 'seen.json'), { force: true });
    const ac = new AbortController();
    const running = probe({ ytDlp: bin, url: 'https://example.com/hang', tracker, signal: ac.signal });
    await expect.poll(() => existsSync(join(dir, 'seen.json'))).toBe(true);
    const { pid } = JSON.parse(readFileSync(join(dir, 'seen.json'), 'utf8')) as { pid: number };
    expect(rows()).toEqual([{ pid, marker: expect.any(String) }]);
    ac.abort();
    await expect(running).rejects.toMatchObject({ code: 'cancelled' });
    expect(pidAlive(pid)).toBe(false);
    expect(rows()).toEqual([]);
    await expect(probe({ ytDlp: bin, url: 'https://example.com/hang', tracker, timeoutMs: 300 })).rejects.toMatchObject({ code: 'timeout' });
    expect(rows()).toEqual([]);
  });

  it('a yt-dlp path that does not exist is a clear error, and leaves no row', async () => {
    await expect(probe({ ytDlp: join(dir, 'nope'), url: 'https://example.com/v', tracker })).rejects.toMatchObject({ code: 'ytdlp-missing' });
    expect(rows()).toEqual([]);
  });

  it('a link real yt-dlp cannot read is worded from its stderr (HTTP 404: unavailable)', async () => {
    await expect(probe({ ytDlp: '/usr/bin/yt-dlp', url: `${server.url}/nothing-here.mp4`, tracker })).rejects.toMatchObject({ code: 'unavailable' });
    expect(rows()).toEqual([]);
  }, 60_000);
});
