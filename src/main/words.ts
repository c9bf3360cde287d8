/**
 * The main process's words (notifications) from the same catalog as the UI, in the language the
 * user chose in Settings or else the system's. react-intl's createIntl needs no DOM or React tree.
 */
import { createIntl, createIntlCache, type IntlShape } from 'react-intl';
import { CATALOGS, resolveLocale, type Language, type MessageId } from '../shared/i18n';
import { isErrorCode, type ErrorInfo } from '../shared/errors';
import { readyValues } from '../shared/i18n/values';

export interface Words {
  t(id: MessageId, values?: Record<string, string | number>): string;
  /** An error from core worded by its code and values, core's English when the catalog cannot. */
  error(err: ErrorInfo): string;
  /** The same error's hint ('' when there is none). */
  hint(err: ErrorInfo): string;
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
  const tv = (id: MessageId, values: Record<string, string | number | Date>) => i.formatMessage({ id }, values);
  /** null when the catalog cannot word it: formatting fails (a value missing) by answering with the id or the raw message. */
  const word = (id: MessageId, err: ErrorInfo): string | null => {
    // A bug's own words (English, technical) stay as the detail under the worded message: they help a report.
    const values = err.values ?? (err.code === 'internal' ? { reason: 'detail', detail: [err.message, err.hint].filter(Boolean).join(' ') } : {});
    const s = tv(id, readyValues(tag, values));
    const raw = i.messages[id];
    return s === id || (typeof raw === 'string' && raw.includes('{') && s === raw) ? null : s;
  };
  return {
    t,
    error: (err) => (isErrorCode(err.code) ? (word(`errors.${err.code}.message`, err) ?? err.message) : err.message),
    hint(err) {
      if (!isErrorCode(err.code) || word(`errors.${err.code}.message`, err) === null) return err.hint ?? '';
      const said = typeof err.values?.ytdlpSaid === 'string' ? t('errors.ytdlpSaid', { detail: err.values.ytdlpSaid }) : '';
      return [word(`errors.${err.code}.hint`, err) ?? '', said].filter(Boolean).join(' ');
    },
    list: (items) => i.formatList(items, { type: 'unit' }),
  };
}
