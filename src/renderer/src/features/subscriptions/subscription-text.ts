import { formatWhen } from '../../lib/format';
import type { Subscription } from '../../../../shared/types';

export type SubscriptionState = 'checking' | 'paused' | 'error' | 'ok' | 'new';

/** One word for the row's look and for tests: a check running wins, then paused, then the last result. */
export function subscriptionState(s: Subscription): SubscriptionState {
  if (s.checking) return 'checking';
  if (s.paused) return 'paused';
  if (s.lastError) return 'error';
  return s.lastCheckAt === null ? 'new' : 'ok';
}

export const STATE_LABELS: Record<SubscriptionState, string> = {
  checking: 'Checking…',
  paused: 'Paused',
  error: 'Last check failed',
  ok: 'Up to date',
  new: 'Not checked yet',
};

/** "5 minutes ago", "just now" or "never". */
export function lastCheckText(s: Subscription, now: number): string {
  if (s.lastCheckAt === null) return 'never';
  return now - s.lastCheckAt < 60_000 ? 'just now' : formatWhen(s.lastCheckAt, now);
}

/** "in 6 hours", "Paused", or "Checking now". */
export function nextCheckText(s: Subscription, now: number): string {
  if (s.checking) return 'Checking now';
  if (s.paused) return 'Paused';
  if (s.nextCheckAt === null) return 'Not scheduled';
  const wait = s.nextCheckAt - now;
  if (wait <= 0) return 'due now';
  return wait < 60_000 ? 'in less than a minute' : formatWhen(s.nextCheckAt, now);
}

/** "2 new · 14 in all" after a good check. */
export function countsText(s: Subscription): string {
  // Before a first check, or after a failed one, "new" would say more than is known.
  if (s.lastCheckAt === null || s.lastError) return s.totalQueued > 0 ? `${s.totalQueued.toLocaleString()} in all` : 'Nothing yet';
  const fresh = s.lastNewCount > 0 ? `${s.lastNewCount.toLocaleString()} new` : 'No new videos';
  return `${fresh} · ${s.totalQueued.toLocaleString()} in all`;
}

export const subscriptionName = (s: Subscription): string => s.title ?? s.url;
