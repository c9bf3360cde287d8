import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FAKE_VERSIONS, startReleaseServer, type ReleaseServer } from '../../../test/fixtures/release-server';
import { downloadedYtDlpPath, toolVersion } from './locate';
import { updateYtDlp } from './update';
import { parseSums, releaseAsset, releaseBase } from './update-release';

let rel: ReleaseServer;
let dir: string;
beforeAll(async () => {
  rel = await startReleaseServer();
});
afterAll(() => rel.close());
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'vk-update-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const linux = { platform: 'linux' as const, arch: 'x64' };
function installOld(version = '2020.01.01') {
  const p = downloadedYtDlpPath(dir);
  mkdirSync(join(dir, 'bin'), { recursive: true });
  writeFileSync(p, `#!/bin/sh\necho "${version}"\n`);
  chmodSync(p, 0o755);
}
const binFiles = () => readdirSync(join(dir, 'bin')).sort();

describe('updateYtDlp against a local release server', () => {
  it('installs a release whose checksum matches, keeping the previous copy', async () => {
    installOld();
    const r = await updateYtDlp({ userDataDir: dir, channel: 'stable', baseUrl: rel.base('good'), ...linux });
    expect(r).toMatchObject({ found: true, version: FAKE_VERSIONS.stable, previous: '2020.01.01', source: 'downloaded', channel: 'stable' });
    expect(await toolVersion(downloadedYtDlpPath(dir), '--version')).toBe(FAKE_VERSIONS.stable);
    expect(binFiles()).toEqual(['yt-dlp', 'yt-dlp.previous']);
    expect(rel.hits).toContain('/good/stable/yt-dlp_linux');
  });

  it('takes the nightly channel from its own folder', async () => {
    const r = await updateYtDlp({ userDataDir: dir, channel: 'nightly', baseUrl: rel.base('good'), ...linux });
    expect(r.version).toBe(FAKE_VERSIONS.nightly);
    expect(rel.hits).toContain('/good/nightly/SHA2-256SUMS');
  });

  it('refuses a bad checksum and leaves the working copy untouched', async () => {
    installOld();
    const err = await updateYtDlp({ userDataDir: dir, channel: 'stable', baseUrl: rel.base('badsum'), ...linux }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'checksum-mismatch', message: expect.stringMatching(/does not match the release’s checksum/) });
    expect(await toolVersion(downloadedYtDlpPath(dir), '--version')).toBe('2020.01.01');
    expect(binFiles()).toEqual(['yt-dlp']);
  });

  it('rolls back when the new yt-dlp fails --version', async () => {
    installOld('2021.02.02');
    const err = await updateYtDlp({ userDataDir: dir, channel: 'stable', baseUrl: rel.base('broken'), ...linux }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'ytdlp-broken', message: expect.stringMatching(/went back to 2021\.02\.02/) });
    expect(await toolVersion(downloadedYtDlpPath(dir), '--version')).toBe('2021.02.02');
    expect(binFiles()).toEqual(['yt-dlp']);
  });

  it('a broken first install leaves nothing behind', async () => {
    const err = await updateYtDlp({ userDataDir: dir, channel: 'stable', baseUrl: rel.base('broken'), ...linux }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'ytdlp-broken', message: expect.stringMatching(/did not install it/) });
    expect(existsSync(downloadedYtDlpPath(dir))).toBe(false);
  });

  it('says 404 plainly', async () => {
    const err = await updateYtDlp({ userDataDir: dir, channel: 'stable', baseUrl: rel.base('missing'), ...linux }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'not-found', message: 'The release server has no SHA2-256SUMS (404).' });
  });

  it('says when the release lists no build for this computer', async () => {
    const err = await updateYtDlp({ userDataDir: dir, channel: 'stable', baseUrl: rel.base('good'), platform: 'freebsd', arch: 'x64' }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'not-found', message: expect.stringMatching(/lists no yt-dlp in its SHA2-256SUMS/) });
  });

  it('times out on a server that never answers', async () => {
    const t0 = Date.now();
    const err = await updateYtDlp({ userDataDir: dir, channel: 'stable', baseUrl: rel.base('hang'), timeoutMs: 300, ...linux }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'timeout', message: `${new URL(rel.url).host} did not answer in time.` });
    expect(Date.now() - t0).toBeLessThan(5000);
  });

  it('offline (nothing listening) is a network error, not a crash', async () => {
    const port = await new Promise<number>((resolve) => {
      const s = createServer().listen(0, '127.0.0.1', () => {
        const p = (s.address() as { port: number }).port;
        s.close(() => resolve(p));
      });
    });
    installOld();
    const err = await updateYtDlp({ userDataDir: dir, channel: 'stable', baseUrl: `http://127.0.0.1:${port}/x/`, ...linux }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'network', message: expect.stringMatching(/could not download from 127\.0\.0\.1/) });
    expect(err).not.toBeInstanceOf(TypeError);
    expect(binFiles()).toEqual(['yt-dlp']);
  });

  it('offline (no DNS) says the computer seems offline', async () => {
    const err = await updateYtDlp({ userDataDir: dir, channel: 'stable', baseUrl: 'http://no-such-host.invalid/', timeoutMs: 10_000, ...linux }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'network' });
    expect((err as Error).message).toMatch(/no-such-host\.invalid/);
  });
});

describe('release helpers', () => {
  it('parses sha256sum lines and ignores junk', () => {
    const h = 'a'.repeat(64);
    const m = parseSums(`${h}  yt-dlp_linux\n${h.toUpperCase()} *yt-dlp.exe\nnot a line\n${'b'.repeat(63)}  short\n`);
    expect([...m.entries()]).toEqual([['yt-dlp_linux', h], ['yt-dlp.exe', h]]);
  });
  it('picks the standalone build per platform', () => {
    expect(releaseAsset('linux', 'x64')).toBe('yt-dlp_linux');
    expect(releaseAsset('linux', 'arm64')).toBe('yt-dlp_linux_aarch64');
    expect(releaseAsset('darwin', 'arm64')).toBe('yt-dlp_macos');
    expect(releaseAsset('win32', 'x64')).toBe('yt-dlp.exe');
  });
  it('builds the base from the channel and refuses non-web addresses', () => {
    expect(releaseBase('nightly')).toMatch(/yt-dlp-nightly-builds/);
    expect(releaseBase('stable', 'http://h/{channel}')).toBe('http://h/stable/');
    expect(() => releaseBase('stable', 'file:///etc/')).toThrow(/must start with https/);
    expect(() => releaseBase('stable', 'not a url')).toThrow(/not a web address/);
  });
});
