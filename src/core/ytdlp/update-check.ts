/**
 * The automatic daily check. One timer for the next due time, never a polling loop; the time of
 * the last check is saved so a restart does not check again at once.
 */
export interface DailyCheckOptions {
  /** Read live: the user can switch it off while the timer waits. */
  enabled: () => boolean;
  lastCheck: () => number | null;
  run: () => Promise<void>;
  now?: () => number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (h: unknown) => void;
  intervalMs?: number;
  /** The first check waits at least this long after start (default 10 min): start-up stays quick and offline. */
  firstDelayMs?: number;
  log?: (msg: string) => void;
}

export const DAY_MS = 24 * 60 * 60 * 1000;

/** Milliseconds until the next check is due (0 = now). */
export function nextCheckIn(lastCheck: number | null, now: number, intervalMs = DAY_MS): number {
  if (lastCheck === null || lastCheck > now) return 0;
  return Math.max(0, lastCheck + intervalMs - now);
}

export function startDailyCheck(o: DailyCheckOptions): { stop(): void; rearm(): void } {
  const now = o.now ?? Date.now;
  const setTimer = o.setTimer ?? ((fn, ms) => setTimeout(fn, ms).unref());
  const clearTimer = o.clearTimer ?? ((h) => clearTimeout(h as NodeJS.Timeout));
  const interval = o.intervalMs ?? DAY_MS;
  let timer: unknown = null;
  let stopped = false;
  const earliest = now() + (o.firstDelayMs ?? 10 * 60_000);
  const arm = () => {
    if (timer !== null) clearTimer(timer);
    timer = null;
    if (stopped || !o.enabled()) return;
    timer = setTimer(() => void fire(), Math.max(1000, earliest - now(), nextCheckIn(o.lastCheck(), now(), interval)));
  };
  const fire = async () => {
    timer = null;
    if (stopped || !o.enabled()) return;
    try {
      await o.run();
    } catch (err) {
      // A failed check waits for the next day like a good one: no tight retry loop against a server.
      o.log?.(`yt-dlp update check failed: ${err instanceof Error ? err.message : String(err)}`);
    }
    arm();
  };
  arm();
  return {
    stop() {
      stopped = true;
      if (timer !== null) clearTimer(timer);
      timer = null;
    },
    rearm: arm,
  };
}
