/**
 * The one message catalog, as plain data both the renderer and the Electron main process can use.
 * Formatting (ICU, Intl) is the renderer's react-intl; src/shared stays free of runtime dependencies.
 */
import { en, type Catalog, type MessageId } from './en';
import { de } from './de';

export type { Catalog, MessageId };

/** The languages VidKeep speaks, in the order Settings offers them. */
export const LOCALES = ['en', 'de'] as const;
export type Locale = (typeof LOCALES)[number];
/** What Settings stores: a language, or 'system' to follow the system (or browser). */
export const LANGUAGE_CHOICES = ['system', ...LOCALES] as const;
export type Language = (typeof LANGUAGE_CHOICES)[number];

export const CATALOGS: Record<Locale, Catalog> = { en, de };

/** The first preferred language (BCP 47 tags, most wanted first) VidKeep has, else English. */
export function pickLocale(preferred: readonly string[]): Locale {
  for (const tag of preferred) {
    const primary = tag.toLowerCase().split(/[-_]/)[0];
    const hit = LOCALES.find((l) => l === primary);
    if (hit) return hit;
  }
  return 'en';
}

/**
 * The locale to word and format in: the chosen language, or the preferred tag that matched (so
 * "de-AT" keeps its region for dates and numbers).
 */
export function resolveLocale(language: Language | undefined, preferred: readonly string[]): { messages: Locale; tag: string } {
  if (language && language !== 'system') return { messages: language, tag: language };
  const messages = pickLocale(preferred);
  const tag = preferred.find((t) => t.toLowerCase().split(/[-_]/)[0] === messages) ?? messages;
  return { messages, tag };
}
