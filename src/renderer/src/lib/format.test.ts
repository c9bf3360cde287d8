import { describe, expect, it } from 'vitest';
import { extractUrls, formatBytes, formatDuration, formatEta, formatSpeed, formatWhen } from './format';
import { intlFor } from '../i18n/intl-for';

const en = intlFor('en');
const de = intlFor('de-DE', 'de');
/** Intl puts no-break spaces between number and unit; the assertions read better with plain ones. */
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');
import { visibleRows } from '../hooks/use-window';

describe('format', () => {
  it('sizes, durations and time left read naturally', () => {
    expect(formatBytes(en, null)).toBe('');
    expect(formatBytes(en, 512)).toBe('512B');
    expect(formatBytes(en, 1500)).toBe('1.5 kB');
    expect(formatBytes(en, 250_000_000)).toBe('250 MB');
    expect(formatSpeed(en, 2_500_000)).toBe('2.5 MB/s');
    expect(formatDuration(75)).toBe('1:15');
    expect(formatDuration(3725)).toBe('1:02:05');
    expect(formatEta(en, 30)).toBe('30 sec left');
    expect(formatEta(en, 600)).toBe('10 min left');
  });
  it('follows the locale: German decimals, units and relative times', () => {
    expect(plain(formatBytes(de, 1500))).toBe('1,5 kB');
    expect(plain(formatBytes(de, 1_234_567_890))).toBe('1,2 GB');
    expect(plain(formatSpeed(de, 2_500_000))).toBe('2,5 MB/s');
    expect(plain(formatEta(de, 600))).toBe('noch 10 Min.');
    expect(plain(formatWhen(de, 1_000_000 - 5 * 60_000, 1_000_000))).toBe('vor 5 Minuten');
    expect(formatWhen(en, 1_000_000 + 6 * 3600_000, 1_000_000)).toBe('in 6 hours');
  });
  it('finds web links in pasted or dropped text, once each', () => {
    expect(extractUrls('see https://a.example/v?x=1 and\nhttp://b.example/w https://a.example/v?x=1')).toEqual(['https://a.example/v?x=1', 'http://b.example/w']);
    expect(extractUrls('ftp://nope.example/x')).toEqual([]);
  });
});

describe('visibleRows', () => {
  it('renders only the rows on screen plus overscan, clamped to the list', () => {
    expect(visibleRows({ top: 0, width: 800, height: 600 }, 100_000, 100, 3)).toEqual({ startRow: 0, endRow: 10 });
    expect(visibleRows({ top: 50_000, width: 800, height: 600 }, 100_000, 100, 3)).toEqual({ startRow: 497, endRow: 510 });
    expect(visibleRows({ top: 9_999_500, width: 800, height: 600 }, 100_000, 100, 3)).toEqual({ startRow: 99_992, endRow: 100_000 });
  });
});
