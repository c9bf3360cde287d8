import type { IntlShape } from 'react-intl';
import { t } from '../../i18n/t';

/**
 * What the library says when its filters leave nothing: the words searched for and the subscription
 * chosen, so a filter set elsewhere ("Show videos" on a subscription) is never a silent one.
 */
export function noMatchText(intl: IntlShape, { text, from, otherFilters }: { text: string; from: string | null; otherFilters: boolean }): string {
  if (from && text) return t(intl, 'library.noMatch.fromText', { from, text });
  if (text) return t(intl, 'library.noMatch.text', { text });
  if (from && otherFilters) return t(intl, 'library.noMatch.fromFilters', { from });
  if (from) return t(intl, 'library.noMatch.from', { from });
  return t(intl, 'library.noMatch.filters');
}
