/** `vidkeep <link>…` on the headless host: the links are queued like a paste, and each gets a line. */
import type { Core } from '../core/index';
import { dispatch } from '../core/dispatch';
import { responses } from '../shared/contract';

export async function queueCommandLineLinks(core: Pick<Core, 'handlers'>, urls: readonly string[]): Promise<string[]> {
  if (urls.length === 0) return [];
  // Through dispatch, so a link from the command line is checked exactly like one from a browser.
  const r = await dispatch(core.handlers, 'jobs.add', { urls: [...urls], origin: 'command-line' });
  if (!r.ok) return [`Not queued: ${r.error.message}`];
  return responses['jobs.add'].parse(r.value).jobs.map((j) => {
    if (j.error) return `Not queued: ${j.url} — ${j.error.message}`;
    if (j.videoId) return `Already in your library: ${j.url}`;
    if (j.duplicateOf) return `Already queued: ${j.url}`;
    return `Queued: ${j.url}`;
  });
}
