import { createIntl, createIntlCache, type IntlShape } from 'react-intl';
import { CATALOGS, type Locale } from '../../../shared/i18n';

const cache = createIntlCache();

/** An IntlShape outside React (unit tests, code that runs before the tree): same catalog, same rules. */
export function intlFor(locale: Locale | string, messages: Locale = 'en'): IntlShape {
  return createIntl({ locale, defaultLocale: 'en', messages: CATALOGS[messages] }, cache);
}
