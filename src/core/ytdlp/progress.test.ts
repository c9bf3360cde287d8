import { describe, expect, it } from 'vitest';
import { parseLine, sizeOf, splitMarked } from './progress';

// Real yt-dlp 2023.03.04 output for our templates (shortened where noted).
const dl = '{"status": "downloading", "downloaded_bytes": 15360, "total_bytes": 59204, "tmpfilename": "/lib/Generic/abc.mp4.part", "filename": "/lib/Generic/abc.mp4", "eta": 1, "speed": 30508.68, "elapsed": 0.5}';
const fin = '{"downloaded_bytes": 59204, "total_bytes": 59204, "filename": "/lib/Generic/abc.mp4", "status": "finished", "elapsed": 1.9, "speed": 30909.8}';
const frag = '{"status": "downloading", "downloaded_bytes": 66336, "fragment_index": 2, "fragment_count": 4, "filename": "lib/index.mp4", "tmpfilename": "lib/index.mp4.part", "max_progress": null}';

describe('parseLine', () => {
  it('turns a download line into Progress', () => {
    expect(parseLine(`VK:PROG{"v":"NA","a":"NA","p":${dl}}`)).toEqual({
      kind: 'progress',
      progress: { stage: 'downloading', percent: 25.9, downloadedBytes: 15360, totalBytes: 59204, speed: 30508.68, eta: 1 },
    });
  });

  it('tells video and audio streams apart from the codecs', () => {
    const v = parseLine(`VK:PROG{"v":"avc1.64001f","a":"none","p":${dl}}`);
    const a = parseLine(`VK:PROG{"v":"none","a":"mp4a.40.2","p":${dl}}`);
    expect(v?.kind === 'progress' && v.progress.stage).toBe('downloading-video');
    expect(a?.kind === 'progress' && a.progress.stage).toBe('downloading-audio');
  });

  it('reports 100 % when finished', () => {
    const e = parseLine(`VK:PROG{"v":"NA","a":"NA","p":${fin}}`);
    expect(e?.kind === 'progress' && e.progress).toMatchObject({ percent: 100, downloadedBytes: 59204, totalBytes: 59204, eta: 0 });
  });

  it('uses fragments when the total is unknown (HLS)', () => {
    const e = parseLine(`VK:PROG{"v":"NA","a":"NA","p":${frag}}`);
    expect(e?.kind === 'progress' && e.progress).toMatchObject({ percent: 25, totalBytes: null, speed: null });
  });

  it('uses the estimate when there is no exact total', () => {
    const e = parseLine('VK:PROG{"v":"NA","a":"NA","p":{"status":"downloading","downloaded_bytes":50,"total_bytes_estimate":200}}');
    expect(e?.kind === 'progress' && e.progress.percent).toBe(25);
  });

  it('makes merging indeterminate and ignores MoveFiles', () => {
    expect(parseLine('VK:PP{"s":"started","pp":"Merger"}')).toMatchObject({ kind: 'postprocess', progress: { stage: 'merging', percent: null } });
    expect(parseLine('VK:PP{"s":"started","pp":"ExtractAudio"}')).toMatchObject({ progress: { stage: 'post-processing', percent: null } });
    expect(parseLine('VK:PP{"s":"started","pp":"MoveFiles"}')).toMatchObject({ progress: null });
    expect(parseLine('VK:PP{"s":"finished","pp":"Merger"}')).toMatchObject({ status: 'finished', progress: null });
  });

  it('reads the probe info, playlist and final path', () => {
    expect(parseLine('VK:INFO{"id": "abc", "title": "../x \u202e😀", "extractor_key": "Generic", "_type": "video", "duration": 2.0}')).toMatchObject({
      kind: 'info',
      info: { id: 'abc', title: '../x \u202e😀', site: 'Generic', type: 'video', duration: 2 },
    });
    expect(parseLine('VK:INFO{"title": "First", "extractor_key": "Generic", "_type": "url_transparent", "webpage_url": "http://h/v/a1.mp4"}')).toMatchObject({ info: { id: null, type: 'url_transparent', webpageUrl: 'http://h/v/a1.mp4' } });
    expect(parseLine('VK:LIST{"id": "http://h/feed.xml", "title": "Feed", "playlist_count": 3}')).toEqual({ kind: 'playlist', id: 'http://h/feed.xml', title: 'Feed', count: 3 });
    expect(parseLine('VK:FILE"/lib/Generic/abc.mp4"')).toEqual({ kind: 'file', path: '/lib/Generic/abc.mp4' });
  });

  it('ignores other output and broken JSON', () => {
    expect(parseLine('[download] Destination: x.mp4')).toBeNull();
    expect(parseLine('VK:PROG{"v":')).toBeNull();
    expect(parseLine('VK:INFO{"title":"no id","_type":"video"}')).toBeNull();
    expect(parseLine('VK:FILE""')).toBeNull();
  });
});

describe('splitMarked', () => {
  it('splits postprocess lines that yt-dlp printed without newlines', () => {
    const line = 'VK:PP{"s":"started","pp":"MoveFiles"}VK:PP{"s":"finished","pp":"MoveFiles"}VK:FILE"/lib/Generic/a.mp4"';
    expect(splitMarked(line)).toEqual(['VK:PP{"s":"started","pp":"MoveFiles"}', 'VK:PP{"s":"finished","pp":"MoveFiles"}', 'VK:FILE"/lib/Generic/a.mp4"']);
  });
  it('does not split inside a path that contains a marker-like text', () => {
    expect(splitMarked('VK:FILE"/home/u/VK:PROG/Generic/a.mp4"')).toHaveLength(1);
  });
});

describe('sizes and the downloaded path', () => {
  it('sums the parts of a merged download, exact before approximate', () => {
    expect(parseLine('VK:SIZE{"f": "NA", "fa": "NA", "rf": [1000, null], "rfa": [5, 300]}')).toEqual({ kind: 'size', bytes: 1300 });
    expect(sizeOf({ f: null, fa: 2500, rf: 'NA', rfa: 'NA' })).toBe(2500);
    expect(sizeOf({ f: 10, fa: 2500 })).toBe(10);
  });

  it('says nothing when no size is known, or sizes are nonsense', () => {
    expect(sizeOf({ f: 'NA', fa: 'NA', rf: 'NA', rfa: 'NA' })).toBeNull();
    expect(sizeOf({ f: -5, rf: [0, -1], rfa: ['x'] })).toBeNull();
    expect(parseLine('VK:INFO{"id": "a", "filesize_approx": 77}')).toMatchObject({ kind: 'info', info: { sizeBytes: 77 } });
    expect(parseLine('VK:INFO{"id": "a"}')).toMatchObject({ kind: 'info', info: { sizeBytes: null } });
  });

  it('reads the downloaded path and splits it from a following marker', () => {
    expect(parseLine('VK:DONE"/lib/Generic/a.mp4"')).toEqual({ kind: 'downloaded', path: '/lib/Generic/a.mp4' });
    expect(splitMarked('VK:PP{"s":"started"}VK:DONE"/x.mp4"')).toEqual(['VK:PP{"s":"started"}', 'VK:DONE"/x.mp4"']);
  });
});
