import { describe, expect, it } from 'vitest';
import { formatOf, parseSubtitles, parseTime, toWebVtt } from './subtitle-format';

const SRT = `1
00:00:01,000 --> 00:00:02,500
Hello <i>there</i>

2
00:01:02,050 --> 00:01:04,000
Second line
two rows
`;

const ASS = `[Script Info]
Title: x

[V4+ Styles]
Format: Name, Fontname
Style: Default,Arial

[Events]
Format: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text
Dialogue: 0,0:00:03.20,0:00:05.00,Default,,0,0,0,,{\\i1}Commas, too,\\Nand a break
Dialogue: 0,0:00:01.00,0:00:02.00,Default,,0,0,0,,First
`;

describe('subtitle formats', () => {
  it('reads times in SRT, VTT and ASS shapes and refuses what is not a time', () => {
    expect(parseTime('00:01:02,050')).toBe(62_050);
    expect(parseTime('01:02.5')).toBe(62_500);
    expect(parseTime('1:00:00.25')).toBe(3_600_250);
    expect(parseTime('soon')).toBeNull();
  });

  it('converts SRT to WebVTT cues without markup', () => {
    const cues = parseSubtitles(SRT, 'srt');
    expect(cues).toEqual([
      { startMs: 1000, endMs: 2500, text: 'Hello there' },
      { startMs: 62_050, endMs: 64_000, text: 'Second line\ntwo rows' },
    ]);
    expect(toWebVtt(cues)).toBe('WEBVTT\n\n00:00:01.000 --> 00:00:02.500\nHello there\n\n00:01:02.050 --> 00:01:04.000\nSecond line\ntwo rows\n');
  });

  it('converts ASS dialogue (commas in text, override tags, \\N breaks), sorted by start', () => {
    const cues = parseSubtitles(ASS, 'ass');
    expect(cues.map((c) => c.text)).toEqual(['First', 'Commas, too,\nand a break']);
    expect(cues[1]).toMatchObject({ startMs: 3200, endMs: 5000 });
  });

  it('reads WebVTT with cue settings and a BOM', () => {
    const cues = parseSubtitles('\uFEFFWEBVTT\n\nNOTE hi\n\nc1\n00:00.500 --> 00:01.000 align:start\n<v Bob>Hi & bye\n', 'vtt');
    expect(cues).toEqual([{ startMs: 500, endMs: 1000, text: 'Hi & bye' }]);
  });

  it('never lets cue text carry markup or end a cue early', () => {
    const vtt = toWebVtt([{ startMs: 0, endMs: 1, text: '<script>x</script> --> &' }]);
    expect(vtt).toContain('&lt;script&gt;x&lt;/script&gt; --&gt; &amp;');
  });

  it('knows formats by file name only', () => {
    expect(formatOf('a.en.srt')).toBe('srt');
    expect(formatOf('a.de.SSA')).toBe('ass');
    expect(formatOf('a.en.ttml')).toBeNull();
  });
});
