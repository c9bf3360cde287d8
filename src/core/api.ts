import { randomUUID } from 'node:crypto';
import type { Handlers } from '../shared/contract';
import { VidKeepError } from '../shared/errors';
import { readBrowserCookies } from './sites/browser-cookies';
import { testProxy, validateProxy, unmaskProxy, proxyFor } from './sites/proxy';
import { JOB_NAMES } from '../shared/types';
import { downloadTimeLimitMs } from './downloads/index';
import { ensureFolder } from './folders';
import { probeChapters } from './media/probe-chapters';
import type { Core } from './index';
import { checkTemplate } from './library/layout/index';
import { layoutPreview } from './library/layout/preview';
import { createDiskUsage } from './library/disk-usage';

export interface HandlerHooks {
  reopenLibrary(dir: string): void;
  /** The sites settings changed (the daily yt-dlp check may have been switched on or off). */
  sitesChanged?(): void;
}

const need = <T>(value: T | null, what: 'video' | 'download'): T => {
  if (value === null) throw new VidKeepError('not-found', `That ${what} is not in VidKeep any more.`, undefined, { reason: what === 'download' ? 'job' : what });
  return value;
};

/** A channel or playlist page whose last video was deleted meanwhile. */
const needCollection = <T>(value: T | null): T => {
  if (value === null) throw new VidKeepError('not-found', 'No video of that channel or playlist is in VidKeep any more.', undefined, { reason: 'collection' });
  return value;
};

/** The contract's handlers, in one place. Hosts only validate and carry messages. */
export function createHandlers(core: Core, hooks: HandlerHooks): Handlers {
  const { queue } = core;
  const diskUsage = createDiskUsage(core.db, () => core.libraryDir());
  return {
    'app.info': () => core.info(),
    'settings.get': () => core.settings.get(),
    'library.layoutPreview': (req) => layoutPreview(req.layout),
    'settings.set': (req) => {
      if (req.ytDlpPath !== undefined && req.ytDlpPath !== core.settings.get().ytDlpPath && !core.options.allowToolPathChange) {
        throw new VidKeepError('unauthorized', 'The yt-dlp program can only be changed in the desktop app.', 'In headless mode, start VidKeep with VIDKEEP_YTDLP=/path/to/yt-dlp.', { reason: 'toolPath' });
      }
      // Make sure a new library folder is usable before it is saved: a bad one must not be kept.
      if (req.libraryDir !== undefined && !ensureFolder(req.libraryDir)) {
        throw new VidKeepError('invalid-input', `VidKeep cannot create or use the folder ${req.libraryDir}.`, 'Pick a folder you can write to, on a drive that is connected.', { reason: 'folder', folder: req.libraryDir });
      }
      // A custom layout template that could name files badly is refused; the saved layout stays.
      if (req.layout?.preset === 'custom') {
        const bad = checkTemplate(req.layout.template);
        if (bad) throw bad;
      }
      const before = core.settings.get();
      // Background preferences arrive one at a time; the rest of the group stays as it was.
      const { background, ...rest } = req;
      const b = before.background;
      const next = core.settings.set({
        ...rest,
        ...(background
          ? { background: { keepRunning: background.keepRunning !== undefined ? background.keepRunning : b.keepRunning, startAtLogin: background.startAtLogin ?? b.startAtLogin, toldKeepRunning: background.toldKeepRunning ?? b.toldKeepRunning } }
          : {}),
      });
      if (next.libraryDir !== before.libraryDir) {
        hooks.reopenLibrary(next.libraryDir);
        core.library.markMissing();
      }
      if (next.maxConcurrent !== before.maxConcurrent || next.perSiteConcurrent !== before.perSiteConcurrent) {
        queue.setConcurrency({ maxJobs: next.maxConcurrent, perKeyConcurrency: next.perSiteConcurrent });
      }
      return next;
    },
    'jobs.add': (req) => {
      core.choose.checkAdd(req);
      return core.downloads.add(req, core.settings.get().defaults);
    },
    'choose.probe': (req) => core.choose.probe(req.url),
    'choose.listPlaylist': (req) => core.choose.listPlaylist(req.url),
    'choose.playlistPage': (req) => core.choose.playlistPage(req),
    'choose.addEntries': (req) => core.choose.addEntries(req, core.settings.get().defaults),
    'choose.addClip': (req) => core.choose.addClip(req, core.settings.get().defaults),
    'live.record': (req) => core.live.record(req.url, req.fromStart ?? false),
    'live.stop': (req) => core.live.stop(req.id),
    'live.list': () => core.live.list(),
    'import.start': (req) => core.imports.start(req.folder, req.mode),
    'import.status': () => core.imports.status(),
    'import.cancel': () => core.imports.cancel(),
    'import.pickFolder': async () => {
      if (!core.options.pickFolder) throw new VidKeepError('not-supported', 'Type the folder’s full path here; a folder picker needs the desktop app.');
      return { folder: await core.options.pickFolder() };
    },
    'jobs.list': (req) => {
      const page = queue.list(req);
      return { ...page, items: page.items.map(core.views.job) };
    },
    'jobs.get': (req) => core.views.job(need(queue.get(req.jobId), 'download')),
    'jobs.cancel': (req) => core.views.job(queue.cancel(req.jobId, 'Cancelled by you.')),
    // A download retried after raising the time limit gets the new limit.
    'jobs.retry': (req) => core.views.job(queue.retry(req.jobId, queue.get(req.jobId)?.name === JOB_NAMES.download ? { timeoutMs: downloadTimeLimitMs({ getSettings: () => core.settings.get(), timeoutMs: core.options.downloads?.timeoutMs }) } : undefined)),
    'jobs.remove': (req) => ({ removed: queue.remove(req.jobId) }),
    'jobs.promote': (req) => core.views.job(queue.promote(req.jobId)),
    'queue.pause': (req) => {
      if (req.queue === undefined) core.pauses.add('user');
      else queue.pause(req.queue);
      return queue.metrics();
    },
    'queue.resume': (req) => {
      if (req.queue === undefined) core.pauses.remove('user');
      else queue.resume(req.queue);
      return queue.metrics();
    },
    'queue.metrics': () => queue.metrics(),
    'queue.schedules': () => queue.schedules(),
    'library.search': (req) => core.library.search(req),
    'library.get': (req) => need(core.library.get(req.videoId), 'video'),
    'library.delete': async (req) => {
      return { deleted: await core.library.delete(req.videoId) };
    },
    'library.reveal': async (req) => {
      const path = await core.resolveMedia('video', req.videoId);
      if (!path) throw new VidKeepError('not-found', 'That video’s file is missing from the library folder.', undefined, { reason: 'file' });
      return { path };
    },
    'library.sites': () => core.library.sites(),
    'library.setKeep': (req) => need(core.library.setKeep(req.videoId, req.keep), 'video'),
    'library.setPosition': (req) => need(core.library.setPosition(req.videoId, req.positionSec), 'video'),
    'library.setWatched': (req) => need(core.library.setWatched(req.videoId, req.watched), 'video'),
    'library.continue': (req) => core.library.continueWatching(req.limit),
    'library.playback': async (req) => need(await core.library.playback(req.videoId, (file) => probeChapters(core.tools().ffmpeg.path, file)), 'video'),
    'library.subtitleSearch': (req) => core.library.searchSubtitles(req.query, req.limit),
    'library.collection': (req) => needCollection(core.library.collection(req.kind, req.name)),
    'library.setCollectionWatched': (req) => needCollection(core.library.setCollectionWatched(req.kind, req.name, req.watched)),
    'library.disk': (req) => diskUsage(req.channel),
    'subscriptions.list': () => core.subscriptions.list(),
    'subscriptions.add': (req) => core.subscriptions.add(req),
    'subscriptions.update': (req) => core.subscriptions.update(req),
    'subscriptions.remove': (req) => ({ removed: core.subscriptions.remove(req.id) }),
    'subscriptions.pause': (req) => core.subscriptions.pause(req.id),
    'subscriptions.resume': (req) => core.subscriptions.resume(req.id),
    'subscriptions.check': (req) => core.subscriptions.checkNow(req.id),
    'subscriptions.importArchive': (req) => core.subscriptions.importArchive(req.text),
    'subscriptions.exportArchive': () => core.subscriptions.exportArchive(),
    'library.reorganize': () => core.reorganize.start(),
    'library.reorganizeStatus': () => core.reorganize.status(),
    'library.reorganizePreview': () => core.reorganize.preview(),
    'tools.updateYtDlp': () => core.updateYtDlp(),
    'sites.get': () => core.sites.view(core.lastUpdateCheck()),
    'sites.set': (req) => {
      core.sites.set(req);
      hooks.sitesChanged?.();
      return core.sites.view(core.lastUpdateCheck());
    },
    'cookies.add': (req) => core.sites.cookies.add(req.site, req.text),
    'cookies.fromBrowser': async (req) => {
      if (core.options.host !== 'electron') throw new VidKeepError('unauthorized', 'Reading cookies from a browser works only in the desktop app.', 'Add a cookies.txt file instead.', { reason: 'browserCookies' });
      const ytDlp = core.tools().ytDlp.path;
      if (!ytDlp) throw new VidKeepError('ytdlp-missing', 'VidKeep could not find yt-dlp, which reads the browser’s cookies.', 'Install yt-dlp, set its path in Settings, or let VidKeep download it.');
      const text = await readBrowserCookies({ ytDlp, browser: req.browser, ...(req.profile ? { profile: req.profile } : {}) });
      return core.sites.cookies.add(req.site, text, { browser: req.profile ? `${req.browser}:${req.profile}` : req.browser });
    },
    'cookies.remove': (req) => ({ removed: core.sites.cookies.remove(req.site) }),
    'proxy.test': async (req) => {
      const ytDlp = core.tools().ytDlp.path;
      if (!ytDlp) throw new VidKeepError('ytdlp-missing', 'VidKeep could not find yt-dlp, which the proxy test uses.', undefined, { reason: 'proxyTest' });
      const url = req.url ?? 'https://www.example.com/';
      if (!/^https?:\/\//i.test(url)) throw new VidKeepError('invalid-url', 'The test page must be an http(s) link.', undefined, { reason: 'scheme', scheme: url.split(':')[0]!.slice(0, 20) });
      // A masked address from the UI means "the saved one for that site".
      const saved = proxyFor(new URL(url).hostname, core.sites.config.get());
      const proxy = validateProxy(unmaskProxy(req.proxy, saved));
      if (!proxy) throw new VidKeepError('invalid-input', 'Enter a proxy address to test.', undefined, { reason: 'proxyEmpty' });
      const runId = `proxy-test-${randomUUID()}`;
      return testProxy({ ytDlp, proxy, url, privateConfig: (text) => core.sites.cookies.writeRunConfig(runId, text), done: () => core.sites.cookies.removeRunFile(runId) });
    },
  } satisfies Handlers;
}
