import type { IntlShape } from 'react-intl';
import { isErrorCode, type ErrorInfo } from '../../../shared/errors';
import { readyValues } from '../../../shared/i18n/values';
import { t, type MessageId, type Values } from './t';

/** A problem the UI found itself (a form field), already a catalog message. */
export interface UiMessage {
  id: MessageId;
  values?: Values;
}

/** What an error note can show: an error from core, or one of the UI's own. */
export type UiError = ErrorInfo | UiMessage;

export interface ErrorText {
  message: string;
  /** '' when there is nothing to add. */
  hint: string;
}

/** A bug's own words (English, technical) stay as the detail under the worded message: they help a report. */
export function internalDetail(err: ErrorInfo): ErrorInfo['values'] {
  return err.code === 'internal' ? { reason: 'detail', detail: [err.message, err.hint].filter(Boolean).join(' ') } : undefined;
}

/**
 * An error from core, worded from the catalog by its code and values. Core's English `message` and
 * `hint` are the fallback for a code or variant the catalog cannot word (a newer core, a bad value).
 */
export function errorText(intl: IntlShape, err: UiError): ErrorText {
  if ('id' in err) return { message: t(intl, err.id, err.values), hint: '' };
  if (!isErrorCode(err.code)) return { message: err.message, hint: err.hint ?? '' };
  const values = readyValues(intl.locale, err.values ?? internalDetail(err));
  const word = (id: MessageId): string | null => {
    if (!(id in intl.messages)) return null;
    const s = t(intl, id, values);
    // react-intl answers with the id, or the unformatted message, when a value it needs is missing.
    const raw = intl.messages[id];
    return s === id || (typeof raw === 'string' && raw.includes('{') && s === raw) ? null : s;
  };
  const message = word(`errors.${err.code}.message`);
  if (message === null) return { message: err.message, hint: err.hint ?? '' };
  const hint = word(`errors.${err.code}.hint`) ?? '';
  const said = typeof err.values?.ytdlpSaid === 'string' ? t(intl, 'errors.ytdlpSaid', { detail: err.values.ytdlpSaid }) : '';
  return { message, hint: [hint, said].filter(Boolean).join(' ') };
}
