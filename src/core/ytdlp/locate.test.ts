import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DENO_MISSING, downloadedYtDlpPath, locateTools } from './locate';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'vk-locate-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function fakeTool(path: string, version: string) {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, `#!/bin/sh\necho "${version}"\n`);
  chmodSync(path, 0o755);
}

describe('locateTools', () => {
  it('finds the system yt-dlp and ffmpeg on PATH with their versions', async () => {
    const t = await locateTools({ userDataDir: dir, env: { PATH: '/usr/bin:/bin' } });
    expect(t.ytDlp).toMatchObject({ found: true, source: 'path', path: '/usr/bin/yt-dlp', version: '2023.03.04' });
    expect(t.ffmpeg).toMatchObject({ found: true, source: 'path', path: '/usr/bin/ffmpeg' });
    expect(t.ffmpeg.version).toMatch(/^\d/);
  });

  it('prefers settings, then the updated copy in user data, then bundled, then PATH', async () => {
    const settings = join(dir, 'mine', 'yt-dlp');
    const resources = join(dir, 'res');
    fakeTool(settings, '2099.01.01');
    fakeTool(join(resources, 'bin', 'yt-dlp'), '2098.01.01');
    fakeTool(downloadedYtDlpPath(dir), '2097.01.01');
    const env = { PATH: '/usr/bin' };
    expect((await locateTools({ settingsYtDlpPath: settings, resourcesDir: resources, userDataDir: dir, env })).ytDlp).toMatchObject({ source: 'settings', version: '2099.01.01' });
    expect((await locateTools({ resourcesDir: resources, userDataDir: dir, env })).ytDlp).toMatchObject({ source: 'downloaded', version: '2097.01.01' });
    rmSync(downloadedYtDlpPath(dir));
    expect((await locateTools({ resourcesDir: resources, userDataDir: dir, env })).ytDlp).toMatchObject({ source: 'bundled', version: '2098.01.01' });
    expect((await locateTools({ userDataDir: dir, env })).ytDlp).toMatchObject({ source: 'path' });
  });

  it('says so when the configured yt-dlp does not run, and falls back', async () => {
    const broken = join(dir, 'broken', 'yt-dlp');
    mkdirSync(join(dir, 'broken'));
    writeFileSync(broken, '#!/bin/sh\nexit 3\n');
    chmodSync(broken, 0o755);
    const t = await locateTools({ settingsYtDlpPath: broken, userDataDir: dir, env: { PATH: '/usr/bin' } });
    expect(t.ytDlp).toMatchObject({ found: true, source: 'path' });
    expect(t.ytDlp.message).toMatch(/Settings .* does not run/);
    expect(t.ytDlp.values).toEqual({ reason: 'settingsReplaced', path: broken, using: t.ytDlp.path });
  });

  it('reports not found when there is nothing', async () => {
    const t = await locateTools({ userDataDir: dir, env: { PATH: join(dir, 'nothing') } });
    expect(t.ytDlp).toMatchObject({ found: false, path: null, source: null, message: 'yt-dlp was not found.', values: { reason: 'missing', name: 'yt-dlp' } });
    expect(t.ffmpeg.found).toBe(false);
  });
});

describe('Deno', () => {
  it('is found on PATH with its version', async () => {
    fakeTool(join(dir, 'denobin', 'deno'), 'deno 2.5.6 (stable, release, x86_64-unknown-linux-gnu)');
    const t = await locateTools({ userDataDir: dir, env: { PATH: `${join(dir, 'denobin')}:/usr/bin` } });
    expect(t.deno).toMatchObject({ found: true, version: '2.5.6', source: 'path' });
  });
  it('when missing, says what fails without it', async () => {
    const t = await locateTools({ userDataDir: dir, env: { PATH: '/usr/bin' } });
    expect(t.deno).toMatchObject({ found: false, message: DENO_MISSING });
    expect(t.deno.message).toMatch(/YouTube formats are missing/);
  });
});
