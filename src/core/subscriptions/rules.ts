import { VidKeepError } from '../../shared/errors';
import { nextFireAfter, parseCron } from '../queue/cron-next';

/** Schedules more frequent than this would hammer a site (and get this computer rate-limited). */
export const MIN_CHECK_INTERVAL_MS = 15 * 60_000;

/** A schedule VidKeep accepts: five cron fields, at most one check per MIN_CHECK_INTERVAL_MS. */
export function checkCron(cron: string, from: number): void {
  if (cron.trim().split(/\s+/).length !== 5) {
    throw new VidKeepError('invalid-input', `"${cron}" is not a five-field schedule.`, 'Use minute hour day month weekday, e.g. "0 */6 * * *" for every 6 hours.', { reason: 'cron', cron });
  }
  // node-cron accepts these Quartz tokens but its fields come back as text the scheduler cannot
  // fire on: the subscription would be saved and then never checked.
  const quartz = /[LW#?]/i.exec(cron);
  if (quartz) {
    throw new VidKeepError('invalid-input', `"${cron}" uses "${quartz[0]}", which VidKeep's scheduler does not support.`, 'Use numbers, ranges (1-5), lists (1,15) and steps (*/6) only, e.g. "0 3 * * 1" for Mondays at 03:00.', { reason: 'cronToken', cron, token: quartz[0] });
  }
  const fields = parseCron(cron);
  let t = nextFireAfter(fields, from);
  for (let i = 0; i < 48 && t !== null; i++) {
    const next = nextFireAfter(fields, t);
    if (next === null) break;
    if (next - t < MIN_CHECK_INTERVAL_MS) {
      throw new VidKeepError('invalid-input', `"${cron}" checks more often than every ${MIN_CHECK_INTERVAL_MS / 60_000} minutes.`, 'Sites rate-limit computers that ask too often; pick every hour or less often.', { reason: 'cronTooOften', cron, minutes: MIN_CHECK_INTERVAL_MS / 60_000 });
    }
    t = next;
  }
}

/**
 * The link a subscription follows. A YouTube channel's front page lists its tabs (Videos, Shorts,
 * Live) as separate playlists, so "stop at the first known entry" would never see past Videos: follow
 * the Videos tab, newest first.
 */
export function subscriptionUrl(url: string): string {
  const u = new URL(url);
  const host = u.hostname.replace(/^(www|m)\./, '');
  if (host === 'youtube.com' && /^\/(@[^/]+|c\/[^/]+|channel\/[^/]+|user\/[^/]+)\/?$/.test(u.pathname)) {
    u.pathname = `${u.pathname.replace(/\/$/, '')}/videos`;
  }
  return u.toString();
}

/**
 * Whether a link lists oldest first and grows at its end, like a YouTube playlist: its checks walk the
 * whole (bounded) list instead of stopping at the first known entry. Channels and feeds list newest first.
 */
export function listsOldestFirst(url: string): boolean {
  try {
    const u = new URL(url);
    const host = u.hostname.replace(/^(www|m|music)\./, '');
    if ((host === 'youtube.com' || host === 'youtu.be') && u.searchParams.has('list') && !/\/(@|channel\/|c\/|user\/)/.test(u.pathname)) return true;
    return /\/(playlist|playlists|sets|album)(\/|$|\?)/i.test(u.pathname) || u.searchParams.has('list');
  } catch {
    return false;
  }
}

export function checkFilters(f: { minDurationSec?: number; maxDurationSec?: number; after?: string }) {
  if (f.after !== undefined) {
    const d = new Date(`${f.after}T00:00:00Z`);
    if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== f.after) {
      throw new VidKeepError('invalid-input', `"${f.after}" is not a date.`, 'Use a real day, like 2026-01-31.', { reason: 'date', date: f.after });
    }
  }
  if (f.minDurationSec !== undefined && f.maxDurationSec !== undefined && f.minDurationSec > f.maxDurationSec) {
    throw new VidKeepError('invalid-input', 'The shortest length is longer than the longest length.', 'Swap them, or leave one empty.', { reason: 'lengthRange' });
  }
}
