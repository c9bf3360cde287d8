// The pure parts of import: what a file's first bytes say, what an info json may hold, where a
// copied file may go, and a walk that never leaves its folder.
import { describe, expect, it, afterEach } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sniffContainer, isMediaName } from './media-kind';
import { parseSidecar } from './sidecar';
import { parseProbe } from './probe';
import { plannedStem } from './placement';
import { scanTree, type ScanBatch } from './scan';
import { DEFAULT_LAYOUT } from '../library/layout/index';

const bytes = (...xs: Array<number | string>) => Uint8Array.from(xs.flatMap((x) => (typeof x === 'string' ? [...x].map((c) => c.charCodeAt(0)) : [x])));

describe('sniffContainer', () => {
  it.each([
    ['mp4', bytes(0, 0, 0, 0x20, 'ftypisom', 0, 0, 0, 0), 'iso-bmff'],
    ['mkv/webm', bytes(0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86, 0x81), 'matroska'],
    ['ogg', bytes('OggS', 0, 2, 0, 0), 'ogg'],
    ['mp3 with tag', bytes('ID3', 4, 0, 0), 'mp3'],
    ['mp3 frame', bytes(0xff, 0xfb, 0x90, 0x64), 'mp3'],
    ['flac', bytes('fLaC', 0, 0, 0, 0x22), 'flac'],
    ['avi', bytes('RIFF', 1, 2, 3, 4, 'AVI '), 'riff'],
  ])('%s', (_, head, kind) => expect(sniffContainer(head)).toBe(kind));

  it.each([
    ['text', bytes('this is a shopping list')],
    ['html', bytes('<!doctype html><html>')],
    ['json', bytes('{"id": "x"}')],
    ['zip', bytes('PK', 3, 4, 20, 0, 0, 0)],
    ['too short', bytes(0, 0)],
    ['empty', bytes()],
  ])('refuses %s', (_, head) => expect(sniffContainer(head)).toBeNull());

  it('looks only at media names', () => {
    expect(['a.MP4', 'b.webm', 'c.opus', 'd.mkv'].every(isMediaName)).toBe(true);
    expect(['a.info.json', 'b.jpg', 'c.part', '.mp4', 'mp4', 'x.mp4.txt'].some(isMediaName)).toBe(false);
  });
});

describe('parseSidecar', () => {
  it('takes site, id and the metadata', () => {
    const m = parseSidecar(JSON.stringify({ id: 'abc', extractor_key: 'Youtube', title: 'T', uploader: 'U', duration: 12.5, webpage_url: 'https://www.youtube.com/watch?v=abc', format_id: '18', filesize: 1000 }));
    expect(m).toMatchObject({ site: 'Youtube', siteId: 'abc', title: 'T', uploader: 'U', duration: 12.5, sourceUrl: 'https://www.youtube.com/watch?v=abc', filesize: 1000 });
  });

  it.each([
    ['not json', '{"id": '],
    ['an array', '[1,2]'],
    ['null', 'null'],
    ['no id', '{"extractor_key": "Youtube"}'],
    ['no site', '{"id": "x"}'],
    ['a site with a slash', '{"id": "x", "extractor_key": "../etc"}'],
    ['an object id', '{"id": {"a": 1}, "extractor_key": "Youtube"}'],
  ])('refuses %s', (_, text) => expect(parseSidecar(text)).toBeNull());

  it('keeps hostile values as data, bounded, and drops what is not a web link', () => {
    const m = parseSidecar(JSON.stringify({ id: 'x', extractor_key: 'Youtube', title: 'a'.repeat(5000), duration: -3, webpage_url: 'javascript:alert(1)', format_id: '137+140', filesize: 5 }))!;
    expect(m.title).toHaveLength(1000);
    expect(m.duration).toBeNull();
    expect(m.sourceUrl).toBe('');
    // A merged download's filesize is a part's: it cannot tell a truncated file.
    expect(m.filesize).toBeNull();
  });

  it('stores a generic link under its URL, as downloads do', () => {
    expect(parseSidecar(JSON.stringify({ id: 'clip', extractor_key: 'Generic', webpage_url: 'https://a.example/clip.mp4' }))!.siteId).toBe('https://a.example/clip.mp4');
  });
});

describe('parseProbe', () => {
  it('reads duration and streams; a cover picture is not a video', () => {
    expect(parseProbe(JSON.stringify({ format: { duration: '2.04' }, streams: [{ codec_type: 'video' }, { codec_type: 'audio' }] }))).toEqual({ durationSec: 2.04, hasVideo: true, hasAudio: true });
    expect(parseProbe(JSON.stringify({ format: { duration: '3' }, streams: [{ codec_type: 'audio' }, { codec_type: 'video', disposition: { attached_pic: 1 } }] }))).toEqual({ durationSec: 3, hasVideo: false, hasAudio: true });
  });
  it('is null for no streams or garbage', () => {
    expect(parseProbe(JSON.stringify({ format: {}, streams: [] }))).toBeNull();
    expect(parseProbe('oops')).toBeNull();
  });
});

describe('plannedStem', () => {
  it.each([
    ['../../etc/passwd', 'x/../../y'],
    ['/etc/x', '/root'],
    ['a\u0000b\nc', 'CON'],
    ['%(id)s'.repeat(80), '\u202Eevil'],
  ])('stays inside the library whatever the title (%#)', (title, uploader) => {
    const stem = plannedStem(DEFAULT_LAYOUT, { id: '../id', extractor_key: 'Youtube', title, uploader, upload_date: '20240102' }, 'mp4', { siteId: 'x', title });
    expect(stem.startsWith('/')).toBe(false);
    expect(stem.split('/').some((c) => c === '..' || c === '.' || c === '')).toBe(false);
    expect(stem.includes('\u0000') || stem.includes('\n')).toBe(false);
  });
  it('names a file without an info json by its title', () => {
    expect(plannedStem(DEFAULT_LAYOUT, null, 'mp4', { siteId: 'abcdef0123456789', title: 'family picnic' })).toContain('family picnic');
  });
});

describe('scanTree', () => {
  let dir: string;
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const all = async (root: string, maxDepth?: number) => {
    const out: ScanBatch = { candidates: [], skipped: [], archives: [] };
    for await (const b of scanTree(root, maxDepth === undefined ? {} : { maxDepth })) {
      out.candidates.push(...b.candidates);
      out.skipped.push(...b.skipped);
      out.archives.push(...b.archives);
    }
    return out;
  };

  it('never follows a link, stops at the depth bound, skips parts and hidden folders', async () => {
    dir = mkdtempSync(join(tmpdir(), 'vk-scan-'));
    const root = join(dir, 'root');
    mkdirSync(join(root, 'a', 'b', 'c'), { recursive: true });
    mkdirSync(join(root, '.hidden'));
    mkdirSync(join(dir, 'outside'));
    writeFileSync(join(dir, 'outside', 'secret.mp4'), 'x');
    writeFileSync(join(root, 'a', 'one.mp4'), 'x');
    writeFileSync(join(root, 'a', 'b', 'c', 'deep.mp4'), 'x');
    writeFileSync(join(root, 'a', 'one.f137.mp4'), 'x');
    writeFileSync(join(root, '.hidden', 'h.mp4'), 'x');
    writeFileSync(join(root, 'archive.txt'), 'youtube a\n');
    symlinkSync(join(dir, 'outside'), join(root, 'out-dir'));
    symlinkSync(join(dir, 'outside', 'secret.mp4'), join(root, 'secret.mp4'));
    symlinkSync(root, join(root, 'a', 'loop'));
    const r = await all(root, 2);
    expect(r.candidates.map((c) => c.abs)).toEqual([join(root, 'a', 'one.mp4')]);
    expect(r.skipped).toEqual([{ path: 'secret.mp4', reason: 'link' }, { path: 'a/b/c', reason: 'tooDeep' }]);
    expect(r.archives).toEqual([join(root, 'archive.txt')]);
  });
});
