import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createYtDlpLister, listArgs } from './list';
import type { ListedEntry } from './types';

let dir: string;
const fake = (name: string, body: string) => {
  const p = join(dir, name);
  writeFileSync(p, `#!/bin/sh\n${body}\n`);
  chmodSync(p, 0o755);
  return p;
};
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'vk-list-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function collect(bin: string): Promise<{ entries: ListedEntry[]; error: unknown }> {
  const entries: ListedEntry[] = [];
  try {
    for await (const e of createYtDlpLister({ getYtDlp: () => bin })({ url: 'https://example.test/list', max: 50, signal: new AbortController().signal })) entries.push(e);
    return { entries, error: null };
  } catch (error) {
    return { entries, error };
  }
}

const line = (id: string) => `echo 'VK:ENTRY{"id": "${id}", "ie_key": "Youtube", "url": "https://example.test/watch?v=${id}", "title": "${id}"}'`;

describe('yt-dlp lister', () => {
  it('passes the URL after -- and bounds the listing', () => {
    const args = listArgs('https://example.test/--exec=rm', 10_000);
    expect(args.slice(-2)).toEqual(['--', 'https://example.test/--exec=rm']);
    expect(args[args.indexOf('-I') + 1]).toBe('1:10000');
    expect(args).toContain('--lazy-playlist');
  });

  it('a listing that breaks off part-way fails the check instead of passing for complete', async () => {
    const bin = fake('broken', `${line('a')}\n${line('b')}\necho 'ERROR: [youtube:tab] UC1: HTTP Error 500: Internal Server Error' >&2\nexit 1`);
    const r = await collect(bin);
    expect(r.entries.map((e) => e.key)).toEqual(['youtube a', 'youtube b']);
    expect(r.error).toMatchObject({ code: 'network' });
  });

  it('a listing that ends normally yields every entry and no error', async () => {
    const r = await collect(fake('ok', `${line('a')}\necho 'some other output'\n${line('c')}`));
    expect(r.error).toBeNull();
    expect(r.entries.map((e) => e.key)).toEqual(['youtube a', 'youtube c']);
  });

  it('a missing yt-dlp is explained', async () => {
    const r = await collect(join(dir, 'no-such-yt-dlp'));
    expect(r.error).toMatchObject({ code: 'ytdlp-missing' });
  });
});
