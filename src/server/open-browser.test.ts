import { afterAll, describe, expect, it } from 'vitest';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { openBrowser, openCommand, type SpawnFn } from './open-browser';

const dir = mkdtempSync(join(tmpdir(), 'vk-open-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Real spawn with PATH limited to `bin`: only the fake opener we put there can run. */
const withPath = (bin: string): SpawnFn => (command, args, options) => spawn(command, args, { ...options, env: { ...process.env, PATH: bin } });

describe('--open', () => {
  it('uses each desktop\'s opener', () => {
    expect(openCommand('linux', 'http://127.0.0.1:1/')).toEqual({ command: 'xdg-open', args: ['http://127.0.0.1:1/'] });
    expect(openCommand('darwin', 'http://x/')).toEqual({ command: 'open', args: ['http://x/'] });
    expect(openCommand('win32', 'http://x/?token=a&b')).toEqual({ command: 'cmd', args: ['/c', 'start', '""', 'http://x/?token=a&b'] });
  });

  it('hands the link to the opener, detached', async () => {
    const bin = mkdtempSync(join(dir, 'bin-'));
    const got = join(dir, 'got.txt');
    writeFileSync(join(bin, 'xdg-open'), `#!/bin/sh\nprintf '%s' "$1" > '${got}'\n`);
    chmodSync(join(bin, 'xdg-open'), 0o755);
    const r = await openBrowser('http://127.0.0.1:4810/?token=abc', { platform: 'linux', spawn: withPath(bin) });
    expect(r).toEqual({ ok: true });
    expect(readFileSync(got, 'utf8')).toBe('http://127.0.0.1:4810/?token=abc');
  });

  it('says in one line when there is no opener, or it fails', async () => {
    const empty = mkdtempSync(join(dir, 'empty-'));
    const missing = await openBrowser('http://127.0.0.1:4810/', { platform: 'linux', spawn: withPath(empty) });
    expect(missing).toEqual({ ok: false, message: 'vidkeep: could not open a browser (xdg-open: not found); open http://127.0.0.1:4810/ yourself.' });
    const bin = mkdtempSync(join(dir, 'bin-'));
    writeFileSync(join(bin, 'xdg-open'), '#!/bin/sh\nexit 3\n');
    chmodSync(join(bin, 'xdg-open'), 0o755);
    const refused = await openBrowser('http://127.0.0.1:4810/', { platform: 'linux', spawn: withPath(bin) });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.message.split('\n')).toHaveLength(1);
    if (!refused.ok) expect(refused.message).toContain('exited with code 3');
  });
});
