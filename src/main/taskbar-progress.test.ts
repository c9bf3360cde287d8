import { describe, expect, it } from 'vitest';
import { createTaskbarProgress, INDETERMINATE, NO_BAR, overallProgress } from './taskbar-progress';

const p = (downloadedBytes: number | null, totalBytes: number | null, percent: number | null = null) => ({ downloadedBytes, totalBytes, percent });

describe('overallProgress', () => {
  it('no bar when nothing runs', () => {
    expect(overallProgress([])).toBe(NO_BAR);
  });

  it('weights by bytes when every running download knows its size', () => {
    // 900 MB at 10 % and a 10 MB clip that is done: (90 + 10) MB of (900 + 10) MB, not the mean 55 %
    expect(overallProgress([p(90e6, 900e6, 10), p(10e6, 10e6, 100)])).toBeCloseTo(100 / 910, 6);
  });

  it('is not whichever download came first', () => {
    const runs = [p(10, 100, 10), p(90, 100, 90)];
    expect(overallProgress(runs)).toBeCloseTo(0.5, 6);
    expect(overallProgress([...runs].reverse())).toBeCloseTo(0.5, 6);
  });

  it('falls back to the mean of percents when a size is unknown, counting a download with no figure as 0', () => {
    expect(overallProgress([p(null, null, 50), p(10, 100, 30)])).toBeCloseTo(0.4, 6);
    expect(overallProgress([p(null, null, 80), null])).toBeCloseTo(0.4, 6);
    expect(overallProgress([p(30, 100, null), p(null, null, 50)])).toBeCloseTo(0.4, 6);
  });

  it('indeterminate while nothing has a figure yet, and always within 0..1', () => {
    expect(overallProgress([null, p(null, null, null)])).toBe(INDETERMINATE);
    expect(overallProgress([p(150, 100, 150)])).toBe(1);
    expect(overallProgress([p(null, null, -5)])).toBe(0);
    expect(overallProgress([p(null, null, Number.NaN), p(null, null, 50)])).toBeCloseTo(0.25, 6);
  });
});

describe('createTaskbarProgress', () => {
  it('keeps every running download between batches, and each one’s last figures through merging', () => {
    const bar = createTaskbarProgress();
    bar.started('a');
    bar.started('b');
    expect(bar.value()).toBe(INDETERMINATE);
    bar.update('a', p(50, 100, 50));
    bar.update('b', p(0, 300, 0));
    expect(bar.value()).toBeCloseTo(50 / 400, 6);
    // The next batch holds only b; a is still running at 50 %.
    bar.update('b', p(150, 300, 50));
    expect(bar.value()).toBeCloseTo(200 / 400, 6);
    // a merges (no figures): it keeps 100 of 100 rather than dropping out or to 0.
    bar.update('a', p(100, 100, 100));
    bar.update('a', p(null, null, null));
    expect(bar.value()).toBeCloseTo(250 / 400, 6);
    bar.ended('a');
    expect(bar.value()).toBeCloseTo(0.5, 6);
    bar.ended('b');
    expect(bar.value()).toBe(NO_BAR);
  });

  it('ignores progress of a job it was not told is running (a subscription check, a late batch)', () => {
    const bar = createTaskbarProgress();
    bar.update('x', p(1, 2, 50));
    expect(bar.value()).toBe(NO_BAR);
  });
});
