import { describe, expect, it } from 'vitest';
import { choiceArgs, COMPATIBLE_SORT } from './choice-args';
import { checkClipRange, parseClock } from './clip-range';
import { toFormat, toProbe } from './formats';
import { DEFAULT_DOWNLOAD_OPTIONS } from '../../shared/download';
import { downloadOptionsSchema } from '../../shared/download';
import { SPONSORBLOCK_OFF } from '../../shared/choose';
import { buildDownloadArgs } from '../ytdlp/args';
import { prepareChoice } from './prepare';
import { createChoose } from './index';
import { schemas } from '../../shared/contract';
import { defaultSettings } from '../settings';

const base = { options: DEFAULT_DOWNLOAD_OPTIONS, compatibility: 'best' as const, sponsorBlock: SPONSORBLOCK_OFF, sponsorBlockApi: null, ffmpeg: true };

describe('formats from a probe', () => {
  it('reads resolution, fps, codecs, HDR, size and audio language; drops storyboards; best first', () => {
    const p = toProbe('https://x.test/v', {
      title: 'T',
      duration: 100,
      live_status: 'is_upcoming',
      release_timestamp: 1_700_000_000,
      formats: [
        { format_id: 'sb0', ext: 'mhtml', vcodec: 'none', acodec: 'none' },
        { format_id: '140', ext: 'm4a', vcodec: 'none', acodec: 'mp4a.40.2', tbr: 128, language: 'de' },
        { format_id: '137', ext: 'mp4', vcodec: 'avc1.640028', acodec: 'none', width: 1920, height: 1080, fps: 30, filesize: 5000 },
        { format_id: '337', ext: 'webm', vcodec: 'vp09.00.51.08', acodec: 'none', width: 3840, height: 2160, fps: 60, dynamic_range: 'HDR10', filesize_approx: 9000 },
      ],
    });
    expect(p.formats.map((f) => f.id)).toEqual(['337', '137', '140']);
    expect(p.formats[0]).toMatchObject({ hdr: 'HDR10', approxBytes: 9000, compatible: false, kind: 'video' });
    expect(p.formats[1]).toMatchObject({ hdr: null, approxBytes: 5000, compatible: true, height: 1080, fps: 30 });
    // 128 kbit/s for 100 s.
    expect(p.formats[2]).toMatchObject({ kind: 'audio', audioLanguage: 'de', approxBytes: 1_600_000, height: null, compatible: true });
    expect(p).toMatchObject({ liveStatus: 'is_upcoming', startsAt: 1_700_000_000_000, durationSec: 100 });
    expect(toFormat({ ext: 'mp4' }, null)).toBeNull();
  });
});

describe('choice arguments', () => {
  it('keeps the preset path when nothing is chosen, and sorts for compatibility when asked', () => {
    expect(choiceArgs(base)).toEqual([]);
    expect(choiceArgs({ ...base, compatibility: 'compatible' })).toEqual(['-S', COMPATIBLE_SORT, '--merge-output-format', 'mp4']);
  });

  it('a chosen format comes after the preset, so it wins', () => {
    const extra = choiceArgs({ ...base, options: { ...DEFAULT_DOWNLOAD_OPTIONS, formatId: '137+140' } });
    const argv = buildDownloadArgs({ url: 'https://x.test/v', libraryDir: '/lib', options: DEFAULT_DOWNLOAD_OPTIONS, ffmpegPath: '/ff', mode: 'single', extraArgs: extra });
    const lastF = argv.lastIndexOf('-f');
    expect(argv[lastF + 1]).toBe('137+140');
    expect(lastF).toBeGreaterThan(argv.indexOf('-f'));
    expect(argv.indexOf('--')).toBe(argv.length - 2);
  });

  it('hostile format ids never reach yt-dlp', () => {
    for (const bad of ['--exec=rm -rf ~', 'bv*[height<=720]', '1,2', 'a b', '', '../x', 'a+b+c']) {
      expect(downloadOptionsSchema.safeParse({ ...DEFAULT_DOWNLOAD_OPTIONS, formatId: bad }).success).toBe(false);
      expect(() => choiceArgs({ ...base, options: { ...DEFAULT_DOWNLOAD_OPTIONS, formatId: bad } })).toThrow(/not a format/);
    }
  });

  it('a clip asks for its section with keyframes at the cuts and its own file name; needs ffmpeg', () => {
    const clip = { ...DEFAULT_DOWNLOAD_OPTIONS, clip: { startSec: 2, endSec: 7.5 } };
    expect(choiceArgs({ ...base, options: clip })).toEqual(['--download-sections', '*2-7.5', '--force-keyframes-at-cuts', '-o', '%(extractor_key)s/%(id)s.clip-2-7.5.%(ext)s']);
    expect(() => choiceArgs({ ...base, options: clip, ffmpeg: false })).toThrow(expect.objectContaining({ code: 'ffmpeg-missing' }));
  });

  it('SponsorBlock per category, off by default, with the configured service', () => {
    const sb = { sponsor: 'remove', intro: 'chapters', selfpromo: 'remove' } as const;
    expect(choiceArgs({ ...base, sponsorBlock: sb, sponsorBlockApi: 'http://127.0.0.1:5' })).toEqual([
      '--sponsorblock-api', 'http://127.0.0.1:5', '--sponsorblock-remove', 'sponsor,selfpromo', '--sponsorblock-mark', 'intro',
    ]);
    // Unreachable (null): nothing of SponsorBlock is asked for, so yt-dlp does not fail the download.
    expect(choiceArgs({ ...base, sponsorBlock: sb, sponsorBlockApi: null })).toEqual([]);
    expect(() => choiceArgs({ ...base, sponsorBlock: sb, sponsorBlockApi: 'http://x', ffmpeg: false })).toThrow(/needs ffmpeg/);
  });
});

describe('clip ranges', () => {
  it('checks the range against the duration, in words', () => {
    expect(checkClipRange({ startSec: 1.04, endSec: 9.96 }, 60)).toEqual({ startSec: 1, endSec: 10 });
    expect(() => checkClipRange({ startSec: 10, endSec: 70 }, 60)).toThrow('The clip ends at 1:10, past the end of the video (1:00).');
    expect(() => checkClipRange({ startSec: 50, endSec: 20 }, 60)).toThrow('The clip starts (0:50) at or after its end (0:20).');
    expect(() => checkClipRange({ startSec: 5, endSec: 5.4 }, 60)).toThrow(/at least one second/);
    expect(checkClipRange({ startSec: 0, endSec: 4000 }, null)).toEqual({ startSec: 0, endSec: 4000 });
  });
  it('reads times as people write them', () => {
    expect(parseClock('1:30')).toBe(90);
    expect(parseClock('1:02:03.5')).toBe(3723.5);
    expect(parseClock('45')).toBe(45);
    expect(parseClock('1:75')).toBeNull();
    expect(parseClock('-3')).toBeNull();
    expect(parseClock('1e3')).toBeNull();
  });
});

describe('prepared choice', () => {
  const db = null as unknown as Parameters<typeof prepareChoice>[0]['db'];
  const settings = { ...defaultSettings('/lib'), sponsorBlock: { sponsor: 'remove', intro: 'off', selfpromo: 'off' } as const };
  it('asks SponsorBlock first: reachable, its args; unreachable, none and a note', async () => {
    const asked: string[] = [];
    const up = await prepareChoice({ options: DEFAULT_DOWNLOAD_OPTIONS, settings, ffmpeg: true, db, sponsorBlockApi: 'http://sb.test', reachable: async (b) => (asked.push(b), true) });
    expect(up.args).toEqual(['--sponsorblock-api', 'http://sb.test', '--sponsorblock-remove', 'sponsor']);
    expect(up.notes).toEqual([]);
    const down = await prepareChoice({ options: DEFAULT_DOWNLOAD_OPTIONS, settings, ffmpeg: true, db, sponsorBlockApi: 'http://sb.test', reachable: async () => false });
    expect(down.args).toEqual([]);
    expect(down.notes).toEqual(['sponsorblock-unreachable']);
    // Off by default: nothing is asked at all.
    await prepareChoice({ options: DEFAULT_DOWNLOAD_OPTIONS, settings: defaultSettings('/lib'), ffmpeg: true, db, reachable: async (b) => (asked.push(b), true) });
    expect(asked).toEqual(['http://sb.test']);
  });
  it('a clip gets its own library id, title and link, never the full video’s', async () => {
    const c = await prepareChoice({ options: { ...DEFAULT_DOWNLOAD_OPTIONS, clip: { startSec: 1, endSec: 4 } }, settings: defaultSettings('/lib'), ffmpeg: true, db });
    const v = c.toAdd({ info: { id: 'abc', title: 'Talk' }, filePath: '/lib/x', sourceUrl: 'https://x.test/v', audioOnly: false });
    expect(v).toMatchObject({ info: { id: 'abc.clip-1-4', title: 'Talk (clip)', duration: 3 }, sourceUrl: 'https://x.test/v#clip-1-4' });
    expect(c.isClip).toBe(true);
  });
});

describe('probes', () => {
  it('at most four yt-dlp probes at once; the fifth is told to wait', async () => {
    const waiters: Array<() => void> = [];
    const choose = createChoose({
      queue: null as never,
      downloads: null as never,
      library: () => null as never,
      lister: null as never,
      getTools: () => null as never,
      getSettings: () => defaultSettings('/lib'),
      notify: () => undefined,
      probe: (url) => new Promise((resolve) => waiters.push(() => resolve({ url, title: null, durationSec: 10, liveStatus: null, startsAt: null, formats: [] }))),
    });
    const four = [1, 2, 3, 4].map((i) => choose.probe(`https://x.test/${i}`));
    await expect(choose.probe('https://x.test/5')).rejects.toMatchObject({ code: 'busy' });
    for (const w of waiters) w();
    await Promise.all(four);
    // Once they are done, probing works again.
    const six = choose.probe('https://x.test/6');
    waiters.at(-1)!();
    await expect(six).resolves.toMatchObject({ url: 'https://x.test/6' });
    choose.close();
  });
});

describe('remembered options', () => {
  it('a format or a clip cannot become a default or a subscription’s option', () => {
    expect(schemas['settings.set'].safeParse({ defaults: { formatId: '137' } }).success).toBe(false);
    expect(schemas['settings.set'].safeParse({ defaults: { clip: { startSec: 0, endSec: 5 } } }).success).toBe(false);
    expect(schemas['subscriptions.add'].safeParse({ url: 'https://x.test/c', options: { formatId: '137' } }).success).toBe(false);
    expect(schemas['settings.set'].safeParse({ defaults: { quality: '720p' } }).success).toBe(true);
    expect(schemas['jobs.add'].safeParse({ urls: ['https://x.test/v'], options: { formatId: '137+140' } }).success).toBe(true);
  });
});
