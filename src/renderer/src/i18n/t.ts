import type { ReactNode } from 'react';
import type { IntlShape } from 'react-intl';
import type { MessageId } from '../../../shared/i18n';

export type { MessageId };
export type Values = Record<string, string | number | Date | null | undefined>;
export type RichValues = Record<string, string | number | Date | ReactNode | ((chunks: ReactNode[]) => ReactNode)>;

/** One catalog message as text. Ids are typed against the English catalog, so a typo fails to compile. */
export function t(intl: IntlShape, id: MessageId, values?: Values): string {
  return intl.formatMessage({ id }, values as Record<string, string | number | Date>);
}

/** One catalog message with elements in it (a <code> inside, a link as a value). */
export function rich(intl: IntlShape, id: MessageId, values: RichValues): ReactNode {
  return intl.formatMessage({ id }, values as Record<string, ReactNode>);
}
