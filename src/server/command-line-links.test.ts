// `vidkeep <link>…` on the real headless host (from source): each link is queued like a paste, a bad
// one is explained, and the good one downloads.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startMediaServer, type MediaServer } from '../../test/fixtures/media-server';

const ROOT = join(import.meta.dirname, '../..');
const CLI = join(import.meta.dirname, 'cli.ts');

let dir: string;
let media: MediaServer;
let host: ChildProcess | null = null;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'vk-cli-links-'));
  media = await startMediaServer({ mediaDir: join(tmpdir(), 'vidkeep-test-media') });
});
afterAll(async () => {
  host?.kill('SIGKILL');
  await media.close();
  rmSync(dir, { recursive: true, force: true });
});

const mp4s = (lib: string) => readdirSync(lib, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.mp4'));

describe('links on the command line', () => {
  it('queues each link, explains a refused one, and downloads the good one', async () => {
    const lib = join(dir, 'lib');
    const good = `${media.url}/v/from-the-command-line.mp4`;
    host = spawn(process.execPath, ['--import', 'tsx', CLI, '--port', '0', '--data-dir', join(dir, 'data'), '--library', lib, good, 'file:///etc/passwd', good], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    host.stdout!.on('data', (d: Buffer) => (out += d.toString()));
    host.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    await expect.poll(() => out, { timeout: 60_000, interval: 200 }).toMatch(/Queued: .*from-the-command-line\.mp4[\s\S]*Not queued: file:\/\/\/etc\/passwd — /);
    expect(out.match(/Queued: .*from-the-command-line/g)).toHaveLength(1);
    expect(out).toMatch(/Already queued: .*from-the-command-line\.mp4/);
    await expect.poll(() => { try { return mp4s(lib).length; } catch { return 0; } }, { timeout: 60_000, interval: 250 }).toBe(1);
  }, 120_000);
});
