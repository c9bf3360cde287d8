/**
 * The main process's words (notifications) from the same catalog as the UI, in the language the
 * user chose in Settings or else the system's. react-intl's createIntl needs no DOM or React tree.
 */
import { createIntl, createIntlCache, type IntlShape } from 'react-intl';
import { CATALOGS, resolveLocale, type Language, type MessageId } from '../shared/i18n';
import { isErrorCode, type ErrorInfo } from '../shared/errors';

export interface Words {
  t(id: MessageId, values?: Record<string, string | number>): string;
  /** An error from core worded by its code and values, core's English when the catalog cannot. */
  error(err: ErrorInfo): string;
  list(items: string[]): string;
}

const cache = createIntlCache();
const byTag = new Map<string, IntlShape>();

export function wordsFor(language: Language | undefined, preferred: readonly string[]): Words {
  const { messages, tag } = resolveLocale(language, preferred);
  const key = `${messages}|${tag}`;
  let intl = byTag.get(key);
  if (!intl) {
    intl = createIntl({ locale: tag, defaultLocale: 'en', messages: CATALOGS[messages], onError: () => undefined }, cache);
    byTag.set(key, intl);
  }
  const i = intl;
  const t: Words['t'] = (id, values) => i.formatMessage({ id }, values);
  return {
    t,
    error(err) {
      if (!isErrorCode(err.code)) return err.message;
      const id = `errors.${err.code}.message` as const;
      const s = t(id, { reason: 'other', ...err.values });
      const raw = i.messages[id];
      // Formatting fails (a value missing) by answering with the id or the raw message.
      return s === id || (typeof raw === 'string' && raw.includes('{') && s === raw) ? err.message : s;
    },
    list: (items) => i.formatList(items, { type: 'unit' }),
  };
}
