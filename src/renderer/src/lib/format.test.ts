import { describe, expect, it } from 'vitest';
import { extractUrls, formatBytes, formatDuration, formatEta } from './format';
import { visibleRows } from '../hooks/use-window';

describe('format', () => {
  it('sizes, durations and time left read naturally', () => {
    expect(formatBytes(null)).toBe('');
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(250 * 1024 * 1024)).toBe('250 MB');
    expect(formatDuration(75)).toBe('1:15');
    expect(formatDuration(3725)).toBe('1:02:05');
    expect(formatEta(30)).toBe('30 s left');
    expect(formatEta(600)).toBe('10 min left');
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
