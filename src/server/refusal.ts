/** The headless host's refusal pages, worded from the catalog in the browser's language. */
import type { IncomingMessage } from 'node:http';
import { CATALOGS, pickLocale, type Locale } from '../shared/i18n';
import type { Refusal } from './auth';

/** Accept-Language's tags, most wanted first ("de-AT,de;q=0.9,en;q=0.5" → de-AT, de, en). */
export function preferredLanguages(header: string | undefined): string[] {
  if (!header) return [];
  return header
    .split(',')
    .map((part, i) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = Number(params.map((p) => p.trim()).find((p) => p.startsWith('q='))?.slice(2) ?? '1');
      return { tag: tag.trim(), q: Number.isFinite(q) ? q : 0, i };
    })
    .filter((l) => l.tag !== '' && l.tag !== '*' && l.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i)
    .map((l) => l.tag);
}

export const refusalLocale = (req: Pick<IncomingMessage, 'headers'>): Locale => pickLocale(preferredLanguages(req.headers['accept-language']));

/** The catalog's messages here have no placeholders, so they are the text itself. */
export function refusalText(reason: Refusal | 'media', req: Pick<IncomingMessage, 'headers'>): string {
  return CATALOGS[refusalLocale(req)][`server.refused.${reason}`];
}
