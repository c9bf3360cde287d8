import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Db } from '../db/open';
import { migrate } from '../db/migrate';
import { createLibrary, type Library } from './index';
import { nextWatch } from './watch';

let dir: string;
let lib: string;
let db: Db;
let library: Library;
let clock = 1_700_000_000_000;
let changes: string[][];

function add(siteId: string, o: { duration?: number; uploader?: string; playlist?: string; index?: number; subs?: Record<string, string>; info?: Record<string, unknown> } = {}) {
  mkdirSync(join(lib, 'Site'), { recursive: true });
  const file = join(lib, 'Site', `${siteId}.mp4`);
  writeFileSync(file, 'video-bytes');
  for (const [name, text] of Object.entries(o.subs ?? {})) writeFileSync(join(lib, 'Site', `${siteId}.${name}`), text);
  clock += 1000;
  return library.add({
    info: { id: siteId, extractor_key: 'Site', title: `Title ${siteId}`, uploader: o.uploader, duration: o.duration ?? 100, playlist_index: o.index, ...o.info },
    filePath: file,
    sourceUrl: `https://example.com/${siteId}`,
    audioOnly: false,
    playlist: o.playlist ?? null,
  });
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'vk-watch-'));
  lib = join(dir, 'library');
  mkdirSync(lib);
  db = openDatabase(join(dir, 'db.sqlite'));
  migrate(db);
  changes = [];
  library = createLibrary({ db, libraryDir: lib, now: () => clock, trashDir: join(dir, 'Trash'), onChange: (ids) => changes.push(ids) });
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('watch rules', () => {
  it('90 % is watched, a few seconds in is nothing, between is in progress; watched stays watched', () => {
    expect(nextWatch(0, 90, 100)).toEqual({ state: 2, position: 0 });
    expect(nextWatch(0, 89.9, 100)).toEqual({ state: 1, position: 89.9 });
    expect(nextWatch(1, 2, 100)).toEqual({ state: 0, position: 0 });
    expect(nextWatch(2, 40, 100)).toEqual({ state: 2, position: 40 });
    expect(nextWatch(0, 1, 12)).toEqual({ state: 1, position: 1 });
    expect(nextWatch(0, 30, null)).toEqual({ state: 1, position: 30 });
  });
});

describe('positions and watched state in the library', () => {
  it('remembers a position, reports the change, and lists it under Continue watching', () => {
    const a = add('a');
    const b = add('b');
    changes = [];
    expect(library.setPosition(a.id, 42)).toMatchObject({ watchState: 'in-progress', positionSec: 42, playedAt: clock });
    clock += 10;
    library.setPosition(b.id, 10);
    expect(changes).toEqual([[a.id], [b.id]]);
    expect(library.continueWatching(10).map((v) => v.id)).toEqual([b.id, a.id]);
    expect(library.get(a.id)?.positionSec).toBe(42);
  });

  it('counts 90 % as watched and takes it off Continue watching; marking by hand works both ways', () => {
    const a = add('a');
    library.setPosition(a.id, 50);
    expect(library.setPosition(a.id, 95)).toMatchObject({ watchState: 'watched', positionSec: 0 });
    expect(library.continueWatching(10)).toEqual([]);
    expect(library.setWatched(a.id, false)).toMatchObject({ watchState: 'unwatched', positionSec: 0 });
    expect(library.setWatched(a.id, true)?.watchState).toBe('watched');
    expect(library.setWatched('nope', true)).toBeNull();
    expect(library.setPosition('nope', 3)).toBeNull();
  });

  it('filters by watched state, with totals, and a re-download keeps the state', () => {
    const [a, b, c] = [add('a'), add('b'), add('c')];
    library.setPosition(a.id, 30);
    library.setWatched(b.id, true);
    const ids = (watch: 'unwatched' | 'in-progress' | 'watched' | 'all') => library.search({ query: '', limit: 10, watch }).items.map((v) => v.id);
    expect(ids('unwatched')).toEqual([c.id]);
    expect(ids('in-progress')).toEqual([a.id]);
    expect(ids('watched')).toEqual([b.id]);
    expect(ids('all')).toEqual([c.id, b.id, a.id]);
    expect(library.search({ query: 'title', limit: 10, watch: 'watched' }).total).toBe(1);
    add('b');
    expect(library.get(b.id)?.watchState).toBe('watched');
  });
});

describe('channel and playlist pages', () => {
  it('sums up a channel and lists a playlist in its own order', () => {
    const p3 = add('p3', { uploader: 'Ann', playlist: 'Trip', index: 3 });
    const p1 = add('p1', { uploader: 'Ann', playlist: 'Trip', index: 1, info: { channel_url: 'https://example.com/@ann' } });
    const p2 = add('p2', { uploader: 'Bob', playlist: 'Trip', index: 2 });
    library.setWatched(p3.id, true);
    expect(library.collection('channel', 'Ann')).toMatchObject({ count: 2, sizeBytes: 22, watchedCount: 1, sourceUrl: 'https://example.com/@ann' });
    expect(library.collection('channel', 'Nobody')).toBeNull();
    expect(library.search({ query: '', limit: 10, uploader: 'Ann' }).items.map((v) => v.id)).toEqual([p1.id, p3.id]);
    const page = library.search({ query: '', limit: 2, playlist: 'Trip', sort: 'playlist' });
    expect(page.items.map((v) => v.id)).toEqual([p1.id, p2.id]);
    const next = library.search({ query: '', limit: 2, playlist: 'Trip', sort: 'playlist', cursor: page.nextCursor! });
    expect(next.items.map((v) => v.id)).toEqual([p3.id]);
    expect(library.collection('playlist', 'Trip')).toMatchObject({ count: 3, watchedCount: 1 });
  });

  it('marks a whole channel watched, then unwatched, telling everyone which videos changed', () => {
    const [a, b] = [add('a', { uploader: 'Ann' }), add('b', { uploader: 'Ann' })];
    const c = add('c', { uploader: 'Bob' });
    library.setPosition(a.id, 30);
    changes = [];
    expect(library.setCollectionWatched('channel', 'Ann', true)).toMatchObject({ count: 2, watchedCount: 2 });
    expect(changes.flat().sort()).toEqual([a.id, b.id].sort());
    expect(library.get(c.id)?.watchState).toBe('unwatched');
    expect(library.get(a.id)).toMatchObject({ watchState: 'watched', positionSec: 0 });
    expect(library.setCollectionWatched('channel', 'Ann', false)?.watchedCount).toBe(0);
    expect(library.setCollectionWatched('channel', "Ann' OR 1=1 --", true)).toBeNull();
    expect(library.get(c.id)?.watchState).toBe('unwatched');
  });

  it('a javascript: channel link from an info json is never offered', () => {
    add('x', { uploader: 'Eve', info: { channel_url: 'javascript:alert(1)' } });
    expect(library.collection('channel', 'Eve')?.sourceUrl).toBeNull();
  });
});

const SRT = '1\n00:00:01,000 --> 00:00:02,000\nThe quick brown fox\n\n2\n00:00:07,500 --> 00:00:09,000\njumps over the lazy dog\n';
const VTT = 'WEBVTT\n\n00:00:03.000 --> 00:00:04.000\nDer schnelle braune Fuchs\n';

describe('subtitles', () => {
  it('indexes every line by video and time; a phrase finds the moment, the last word as a prefix', async () => {
    const a = add('a', { subs: { 'en.srt': SRT, 'de.vtt': VTT, 'live_chat.json': '{}' } });
    add('b', { subs: { 'en.vtt': 'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nthe lazy cat\n' } });
    expect(library.searchSubtitles('over the la', 10)).toEqual([{ videoId: a.id, title: 'Title a', lang: 'en', startSec: 7.5, text: 'jumps over the lazy dog' }]);
    expect(library.searchSubtitles('lazy', 10)).toHaveLength(2);
    // Words out of order are not the phrase.
    expect(library.searchSubtitles('dog lazy', 10)).toEqual([]);
    expect(library.searchSubtitles('"NEAR( OR', 10)).toEqual([]);
    const info = await library.playback(a.id);
    expect(info?.subtitles).toEqual([{ lang: 'de', format: 'vtt' }, { lang: 'en', format: 'srt' }]);
    expect(await library.subtitleVtt(a.id, 'en')).toBe('WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nThe quick brown fox\n\n00:00:07.500 --> 00:00:09.000\njumps over the lazy dog\n');
    expect(await library.subtitleVtt(a.id, 'fr')).toBeNull();
    expect(await library.subtitleVtt(a.id, '../../etc')).toBeNull();
  });

  it('forgets a video’s lines when it is deleted', async () => {
    const a = add('a', { subs: { 'en.srt': SRT } });
    await library.delete(a.id, { permanent: true });
    expect(library.searchSubtitles('quick', 10)).toEqual([]);
    expect(db.prepare('SELECT count(*) AS n FROM subtitle_lines').get()).toEqual({ n: 0 });
  });

  it('never serves a subtitle file that links outside the library', async () => {
    writeFileSync(join(dir, 'secret.srt'), SRT);
    mkdirSync(join(lib, 'Site'), { recursive: true });
    symlinkSync(join(dir, 'secret.srt'), join(lib, 'Site', 'a.en.srt'));
    const a = add('a');
    expect((await library.playback(a.id))?.subtitles).toEqual([{ lang: 'en', format: 'srt' }]);
    expect(await library.subtitleVtt(a.id, 'en')).toBeNull();
  });
});

describe('chapters', () => {
  it('come from the info json first, else from the file (probe), else none', async () => {
    const a = add('a', { info: { chapters: [{ start_time: 60, end_time: 100, title: 'Two' }, { start_time: 0, end_time: 60, title: '' }, { title: 'bad' }] } });
    expect(await library.playback(a.id)).toMatchObject({ chaptersFrom: 'info', chapters: [{ title: 'Chapter 2', startSec: 0, endSec: 60 }, { title: 'Two', startSec: 60, endSec: 100 }] });
    const b = add('b');
    const probed: string[] = [];
    const probe = async (file: string) => (probed.push(file), [{ title: 'Intro', startSec: 0, endSec: 5 }]);
    expect(await library.playback(b.id, probe)).toMatchObject({ chaptersFrom: 'file', chapters: [{ title: 'Intro' }] });
    await library.playback(b.id, probe);
    expect(probed).toHaveLength(1);
    const c = add('c');
    expect(await library.playback(c.id)).toMatchObject({ chaptersFrom: 'none', chapters: [] });
  });
});

describe('totals kept by triggers', () => {
  it('match a real count after adds, state changes and deletes', async () => {
    const vs = ['a', 'b', 'c', 'd'].map((id) => add(id));
    library.setPosition(vs[0]!.id, 30);
    library.setWatched(vs[1]!.id, true);
    library.setWatched(vs[2]!.id, true);
    library.setWatched(vs[2]!.id, false);
    await library.delete(vs[3]!.id, { permanent: true });
    add('a');
    const real = (state: number) => (db.prepare('SELECT count(*) AS n FROM videos WHERE watch_state = ?').get(state) as { n: number }).n;
    for (const [watch, state] of [['unwatched', 0], ['in-progress', 1], ['watched', 2]] as const) {
      expect(library.search({ query: '', limit: 1, watch }).total).toBe(real(state));
    }
    expect(library.search({ query: '', limit: 1 }).total).toBe(3);
    expect(library.search({ query: '', limit: 1, watch: 'unwatched' }).total).toBe(1);
  });
});
