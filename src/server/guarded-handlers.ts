import { realpath } from 'node:fs/promises';
import { isAbsolute, relative, sep } from 'node:path';
import type { Handlers } from '../shared/contract';
import { VidKeepError } from '../shared/errors';
import type { Core } from '../core/index';
import { checkLibraryFolder } from './library-roots';

/** Links one "Add" may queue from a browser. */
export const MAX_URLS_PER_REQUEST = 200;
/** Downloads waiting in the queue, at most, before a browser's "Add" is refused. */
export const MAX_QUEUED_DOWNLOADS = 2000;

export interface GuardOptions {
  /** Real paths of the `--library-root` folders; empty: the library folder is the desktop app's to change. */
  libraryRoots: readonly string[];
  maxUrlsPerRequest?: number;
  maxQueuedDownloads?: number;
}

/**
 * The core's handlers as a browser may use them. A browser is any page the user opens, so what it
 * may do is narrower than the desktop app: the library folder only moves inside the roots given at
 * start, a file's place is told relative to the library, and downloads are queued within bounds.
 */
export function guardHandlers(core: Core, o: GuardOptions): Handlers {
  const perRequest = o.maxUrlsPerRequest ?? MAX_URLS_PER_REQUEST;
  const total = o.maxQueuedDownloads ?? MAX_QUEUED_DOWNLOADS;
  const h = core.handlers;
  const withinBounds = (count: number, what: string) => {
    if (count > perRequest) {
      throw new VidKeepError('too-many-downloads', `That is ${count} ${what} at once; VidKeep takes up to ${perRequest} per paste.`, 'Paste them in smaller batches.', { reason: 'perPaste', count, max: perRequest });
    }
    const waiting = core.queue.list({ state: 'queued', name: 'download', limit: 1 }).total;
    if (waiting + count > total) {
      throw new VidKeepError('too-many-downloads', `${waiting} downloads are already waiting; VidKeep keeps at most ${total} in its queue.`, 'Add more once some of them have finished.', { reason: 'queueFull', count: waiting, max: total });
    }
  };
  return {
    ...h,
    'settings.set': (req) => {
      if (req.libraryDir === undefined || req.libraryDir === core.settings.get().libraryDir) return h['settings.set'](req);
      return h['settings.set']({ ...req, libraryDir: checkLibraryFolder(req.libraryDir, o.libraryRoots) });
    },
    'library.reveal': async (req) => {
      const { path } = await h['library.reveal'](req);
      const root = await realpath(core.libraryDir()).catch(() => core.libraryDir());
      const rel = relative(root, path);
      // An imported video left where it was: told in full, it lies under a --library-root already.
      if (o.libraryRoots.some((r) => { const x = relative(r, path); return x !== '' && !x.startsWith('..') && !isAbsolute(x); }) && (rel.startsWith('..') || isAbsolute(rel))) return { path };
      // resolveMedia answers only with paths inside the library or a granted folder; anything else is not told.
      if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) throw new VidKeepError('not-found', 'That video’s file is missing from the library folder.');
      return { path: rel.split(sep).join('/') };
    },
    // The same guardrail as moving the library: a browser may only import from under the roots.
    'import.start': (req) => h['import.start']({ ...req, folder: checkLibraryFolder(req.folder, o.libraryRoots) }),
    'jobs.add': (req) => {
      withinBounds(req.urls.length, 'links');
      return h['jobs.add'](req);
    },
    // Entries picked from a playlist and clips are downloads like pasted links: the same bounds.
    'choose.addEntries': (req) => {
      withinBounds(new Set(req.indexes).size, 'videos');
      return h['choose.addEntries'](req);
    },
    'choose.addClip': (req) => {
      withinBounds(1, 'clips');
      return h['choose.addClip'](req);
    },
  };
}
