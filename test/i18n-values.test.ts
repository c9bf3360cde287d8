import { describe, expect, it } from 'vitest';
import { readyValues, spanText } from '../src/shared/i18n/values';

const plain = (s: unknown) => String(s).replace(/[\u00a0\u202f]/g, ' ');

describe('readyValues', () => {
  it('words sizes and spans for the locale, turns instants into Dates, and defaults the variant', () => {
    const v = readyValues('de-DE', { neededBytes: 1_500_000_000, limitMs: 90_000, retryAt: 0, site: 'example.com' });
    expect(plain(v.neededBytes)).toBe('1,5 GB');
    expect(plain(v.limitMs)).toBe('90 Sek.');
    expect(v.retryAt).toEqual(new Date(0));
    expect(v).toMatchObject({ site: 'example.com', reason: 'other' });
    expect(readyValues('en', { reason: 'job' }).reason).toBe('job');
  });

  it('says a limit the way it was set', () => {
    expect(plain(spanText('en', 45 * 60_000))).toBe('45 min');
    expect(plain(spanText('en', 6 * 3_600_000))).toBe('6 hr');
    expect(plain(spanText('en', 150 * 60_000))).toBe('150 min');
  });
});
