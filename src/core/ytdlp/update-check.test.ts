import { describe, expect, it } from 'vitest';
import { DAY_MS, nextCheckIn, startDailyCheck } from './update-check';

function fakeTimers() {
  const timers: Array<{ fn: () => void; at: number; id: number }> = [];
  let seq = 0;
  return {
    timers,
    setTimer: (fn: () => void, ms: number) => {
      const t = { fn, at: ms, id: ++seq };
      timers.push(t);
      return t.id;
    },
    clearTimer: (h: unknown) => {
      const i = timers.findIndex((t) => t.id === h);
      if (i >= 0) timers.splice(i, 1);
    },
  };
}

describe('daily yt-dlp check', () => {
  it('is due at once without a previous check, a day after the last one otherwise', () => {
    expect(nextCheckIn(null, 1000)).toBe(0);
    expect(nextCheckIn(1000, 1000 + 3_600_000)).toBe(DAY_MS - 3_600_000);
    expect(nextCheckIn(1000, 1000 + 2 * DAY_MS)).toBe(0);
    // A clock set back must not postpone the check for ever.
    expect(nextCheckIn(5000, 1000)).toBe(0);
  });

  it('runs when due, re-arms for the next day, and a failure neither throws nor loops', async () => {
    const t = fakeTimers();
    let now = 10 * DAY_MS;
    let last: number | null = now - DAY_MS + 60_000;
    const runs: number[] = [];
    const logs: string[] = [];
    const check = startDailyCheck({
      enabled: () => true,
      lastCheck: () => last,
      run: async () => {
        runs.push(now);
        last = now;
        if (runs.length === 1) throw new Error('offline');
      },
      now: () => now,
      setTimer: t.setTimer,
      clearTimer: t.clearTimer,
      firstDelayMs: 0,
      log: (m) => logs.push(m),
    });
    expect(t.timers).toHaveLength(1);
    expect(t.timers[0]!.at).toBe(60_000);
    now += 60_000;
    const first = t.timers.shift()!;
    first.fn();
    await new Promise((r) => setImmediate(r));
    expect(runs).toHaveLength(1);
    expect(logs[0]).toMatch(/failed: offline/);
    expect(t.timers).toHaveLength(1);
    expect(t.timers[0]!.at).toBe(DAY_MS);
    check.stop();
    expect(t.timers).toHaveLength(0);
  });

  it('waits a while after start even when a check is due', () => {
    const t = fakeTimers();
    const check = startDailyCheck({ enabled: () => true, lastCheck: () => null, run: async () => undefined, now: () => 0, setTimer: t.setTimer, clearTimer: t.clearTimer });
    expect(t.timers[0]!.at).toBe(10 * 60_000);
    check.stop();
  });

  it('never arms while switched off (headless without the flag), and arms when switched on', () => {
    const t = fakeTimers();
    let on = false;
    const check = startDailyCheck({ enabled: () => on, lastCheck: () => null, run: async () => undefined, setTimer: t.setTimer, clearTimer: t.clearTimer });
    expect(t.timers).toHaveLength(0);
    on = true;
    check.rearm();
    expect(t.timers).toHaveLength(1);
    on = false;
    check.rearm();
    expect(t.timers).toHaveLength(0);
  });
});
