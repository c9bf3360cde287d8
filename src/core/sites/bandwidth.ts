/** The global speed limit, optionally only during chosen hours of the local day. Pure. */
import type { Bandwidth } from '../../shared/sites';

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** Whether the limit holds at `at` (local time, given as minutes since midnight for tests). */
export function limitActive(b: Bandwidth, minuteOfDay: number): boolean {
  if (b.limitKBps <= 0) return false;
  if (!b.hours) return true;
  const from = minutes(b.hours.from);
  const to = minutes(b.hours.to);
  if (from === to) return true;
  // 23:00–07:00 spans midnight.
  return from < to ? minuteOfDay >= from && minuteOfDay < to : minuteOfDay >= from || minuteOfDay < to;
}

export function minuteOfDay(ms: number): number {
  const d = new Date(ms);
  return d.getHours() * 60 + d.getMinutes();
}

/** `--limit-rate` for a download starting at `now`; it holds for that whole run (yt-dlp cannot change it midway). */
export function bandwidthArgs(b: Bandwidth, now: number, minuteOf: (ms: number) => number = minuteOfDay): string[] {
  return limitActive(b, minuteOf(now)) ? ['--limit-rate', `${b.limitKBps}K`] : [];
}
