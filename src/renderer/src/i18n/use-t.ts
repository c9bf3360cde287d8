import { useCallback } from 'react';
import { useIntl } from 'react-intl';
import { rich, t, type MessageId, type RichValues, type Values } from './t';

/** `t('downloads.row.failed')` in components: the message for the user's language. */
export function useT(): ((id: MessageId, values?: Values) => string) & { rich: (id: MessageId, values: RichValues) => ReturnType<typeof rich> } {
  const intl = useIntl();
  const tr = useCallback((id: MessageId, values?: Values) => t(intl, id, values), [intl]);
  return Object.assign(tr, { rich: (id: MessageId, values: RichValues) => rich(intl, id, values) });
}
