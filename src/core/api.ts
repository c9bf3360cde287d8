import type { Handlers } from '../shared/contract';
import { VidKeepError } from '../shared/errors';
import type { Core } from './index';

const notYet = (what: string) => () => {
  throw new VidKeepError('not-supported', `${what} is not available in this build yet.`);
};

/** The contract's handlers, in one place. Hosts only validate and carry messages. */
export function createHandlers(core: Core): Handlers {
  return {
    'app.info': () => core.info(),
    'settings.get': () => core.settings.get(),
    'settings.set': (req) => {
      const next = core.settings.set(req);
      core.events.emit('settings.changed', next);
      return next;
    },
    'jobs.add': notYet('Downloading'),
    'jobs.list': () => ({ items: [], total: 0 }),
    'jobs.get': notYet('Jobs'),
    'jobs.cancel': notYet('Jobs'),
    'jobs.retry': notYet('Jobs'),
    'jobs.remove': notYet('Jobs'),
    'jobs.promote': notYet('Jobs'),
    'queue.pause': notYet('The queue'),
    'queue.resume': notYet('The queue'),
    'queue.metrics': notYet('The queue'),
    'queue.schedules': () => [],
    'library.search': () => ({ items: [], total: 0 }),
    'library.get': notYet('The library'),
    'library.delete': notYet('The library'),
    'library.reveal': notYet('The library'),
    'library.sites': () => [],
    'tools.updateYtDlp': notYet('Updating yt-dlp'),
  } satisfies Handlers;
}
