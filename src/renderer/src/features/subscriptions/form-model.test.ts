import { describe, expect, it } from 'vitest';
import { intlFor } from '../../i18n/intl-for';

const en = intlFor('en');
import type { Subscription } from '../../../../shared/types';
import { EMPTY_ADD, FieldError, rulesFrom, toAddRequest, toUpdateRequest } from './form-model';
import { CUSTOM, describeCron, presetFor } from './schedule';
import { countsText, lastCheckText, nextCheckText, subscriptionState } from './subscription-text';

const sub = (patch: Partial<Subscription> = {}): Subscription => ({
  id: 's1',
  url: 'https://example.com/feed',
  title: null,
  cron: '0 */6 * * *',
  paused: false,
  filters: {},
  options: {},
  retention: {},
  initial: 'new',
  initialCount: 10,
  createdAt: 0,
  lastCheckAt: null,
  nextCheckAt: null,
  lastNewCount: 0,
  totalQueued: 0,
  lastError: null,
  checking: false,
  ...patch,
});

const fieldOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    if (e instanceof FieldError) return e.field;
    throw e;
  }
  return null;
};

describe('subscription form', () => {
  it('defaults: every 6 hours, only new videos, nothing filtered or deleted', () => {
    expect(toAddRequest({ ...EMPTY_ADD, url: ' https://example.com/feed ' })).toEqual({
      url: 'https://example.com/feed',
      cron: '0 */6 * * *',
      filters: {},
      retention: {},
      options: { audioOnly: false, subtitles: false },
      initial: 'new',
    });
  });

  it('maps minutes, dates, keep rules and the newest N', () => {
    const req = toAddRequest({ ...EMPTY_ADD, url: 'u', initial: 'last', initialCount: '3', minMinutes: '1.5', maxMinutes: '60', after: '2026-01-31', titleIncludes: ' Talk ', keepLast: '50', quality: '720p' });
    expect(req.initialCount).toBe(3);
    expect(req.filters).toEqual({ titleIncludes: 'Talk', minDurationSec: 90, maxDurationSec: 3600, after: '2026-01-31' });
    expect(req.retention).toEqual({ keepLast: 50 });
    expect(req.options).toEqual({ audioOnly: false, subtitles: false, quality: '720p' });
  });

  it('points at the field to fix', () => {
    expect(fieldOf(() => toAddRequest({ ...EMPTY_ADD, url: 'u', schedule: CUSTOM, customCron: '* *' }))).toBe('sub-cron');
    expect(fieldOf(() => toAddRequest({ ...EMPTY_ADD, url: 'u', minMinutes: '10', maxMinutes: '5' }))).toBe('sub-max');
    expect(fieldOf(() => toAddRequest({ ...EMPTY_ADD, url: 'u', keepDays: '0' }))).toBe('sub-keep-days');
    expect(fieldOf(() => toAddRequest({ ...EMPTY_ADD, url: 'u', initial: 'last', initialCount: '2.5' }))).toBe('sub-count');
    // "How many" only matters for "The newest N".
    expect(fieldOf(() => toAddRequest({ ...EMPTY_ADD, url: 'u', initialCount: 'x' }))).toBeNull();
  });

  it('edits round-trip, and clearing a field clears the rule', () => {
    const s = sub({ cron: '15 4 * * 1', filters: { titleExcludes: 'live', maxDurationSec: 600 }, retention: { keepDays: 30 }, options: { audioOnly: true, audioFormat: 'mp3' } });
    const f = rulesFrom(s);
    expect(f.schedule).toBe(CUSTOM);
    expect(toUpdateRequest('s1', f)).toEqual({
      id: 's1',
      cron: '15 4 * * 1',
      filters: { titleExcludes: 'live', maxDurationSec: 600 },
      retention: { keepDays: 30 },
      options: { audioOnly: true, subtitles: false, audioFormat: 'mp3' },
    });
    expect(toUpdateRequest('s1', { ...f, keepDays: '', titleExcludes: '' })).toMatchObject({ filters: { maxDurationSec: 600 }, retention: {} });
  });

  it('presets read as words, anything else as its expression', () => {
    expect(presetFor('0  3 * * 0')).toBe('0 3 * * 0');
    expect(describeCron(en, '0 * * * *')).toBe('Every hour');
    expect(describeCron(en, '*/5 * * * *')).toBe('On schedule */5 * * * *');
  });
});

describe('subscription row text', () => {
  const now = 10_000_000;
  it('state: checking, then paused, then the last result', () => {
    expect(subscriptionState(sub())).toBe('new');
    expect(subscriptionState(sub({ lastCheckAt: 1 }))).toBe('ok');
    expect(subscriptionState(sub({ lastCheckAt: 1, lastError: { code: 'forbidden', message: 'x' } }))).toBe('error');
    expect(subscriptionState(sub({ paused: true, lastError: { code: 'forbidden', message: 'x' } }))).toBe('paused');
    expect(subscriptionState(sub({ paused: true, checking: true }))).toBe('checking');
  });
  it('times and counts', () => {
    expect(lastCheckText(en, sub(), now)).toBe('never');
    expect(lastCheckText(en, sub({ lastCheckAt: now - 5 * 60_000 }), now)).toMatch(/5 minutes ago/);
    expect(nextCheckText(en, sub({ paused: true, nextCheckAt: now + 1000 }), now)).toBe('Paused');
    expect(nextCheckText(en, sub({ nextCheckAt: now + 6 * 3600_000 }), now)).toMatch(/in 6 hours/);
    expect(countsText(en, sub({ lastCheckAt: now, lastNewCount: 1, totalQueued: 3 }))).toBe('1 new · 3 in all');
    expect(countsText(en, sub({ lastCheckAt: now, lastNewCount: 0, totalQueued: 3 }))).toBe('No new videos · 3 in all');
    expect(countsText(en, sub({ lastCheckAt: now, totalQueued: 3, lastError: { code: 'forbidden', message: 'x' } }))).toBe('3 in all');
    expect(countsText(en, sub())).toBe('Nothing yet');
  });
});
