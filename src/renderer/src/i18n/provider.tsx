import { useEffect, type ReactNode } from 'react';
import { IntlProvider } from 'react-intl';
import { CATALOGS, resolveLocale } from '../../../shared/i18n';
import { useSettings } from '../hooks/use-settings';

/** The browser's (in Electron: the system's, via app.getLocale) languages, most wanted first. */
function preferredLanguages(): readonly string[] {
  return navigator.languages?.length ? navigator.languages : [navigator.language || 'en'];
}

/**
 * Words and formats for the user's language: the one chosen in Settings, else the system's. Until
 * settings arrive the system language is used, so the first paint is already in the right language.
 */
export function I18nProvider({ children }: { children: ReactNode }) {
  const { settings } = useSettings();
  const { messages, tag } = resolveLocale(settings?.language, preferredLanguages());
  useEffect(() => {
    document.documentElement.lang = tag;
  }, [tag]);
  return (
    <IntlProvider key={tag} locale={tag} defaultLocale="en" messages={CATALOGS[messages]}>
      {children}
    </IntlProvider>
  );
}
