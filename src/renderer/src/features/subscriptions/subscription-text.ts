import type { IntlShape } from 'react-intl';
import { formatWhen } from '../../lib/format';
import { t } from '../../i18n/t';
import type { Subscription } from '../../../../shared/types';

export type SubscriptionState = 'checking' | 'paused' | 'error' | 'ok' | 'new';

/** One word for the row's look and for tests: a check running wins, then paused, then the last result. */
export function subscriptionState(s: Subscription): SubscriptionState {
  if (s.checking) return 'checking';
  if (s.paused) return 'paused';
  if (s.lastError) return 'error';
  return s.lastCheckAt === null ? 'new' : 'ok';
}


/** "5 minutes ago", "just now" or "never". */
export function lastCheckText(intl: IntlShape, s: Subscription, now: number): string {
  if (s.lastCheckAt === null) return t(intl, 'time.never');
  return now - s.lastCheckAt < 60_000 ? t(intl, 'time.justNow') : formatWhen(intl, s.lastCheckAt, now);
}

/** "in 6 hours", "Paused", or "Checking now". */
export function nextCheckText(intl: IntlShape, s: Subscription, now: number): string {
  if (s.checking) return t(intl, 'subs.next.checking');
  if (s.paused) return t(intl, 'subs.next.paused');
  if (s.nextCheckAt === null) return t(intl, 'subs.next.none');
  const wait = s.nextCheckAt - now;
  if (wait <= 0) return t(intl, 'subs.next.due');
  return wait < 60_000 ? t(intl, 'subs.next.soon') : formatWhen(intl, s.nextCheckAt, now);
}

/** "2 new · 14 in all" after a good check. */
export function countsText(intl: IntlShape, s: Subscription): string {
  // Before a first check, or after a failed one, "new" would say more than is known.
  if (s.lastCheckAt === null || s.lastError) return s.totalQueued > 0 ? t(intl, 'subs.counts.total', { total: s.totalQueued }) : t(intl, 'subs.counts.nothing');
  if (s.lastNewCount > 0) return t(intl, 'subs.counts.fresh', { count: s.lastNewCount, total: s.totalQueued });
  return t(intl, 'subs.counts.noNew', { total: s.totalQueued });
}

export const subscriptionName = (s: Subscription): string => s.title ?? s.url;
