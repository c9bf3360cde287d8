/**
 * Channel and event names as plain data, with no dependencies, so the sandboxed preload can
 * allow-list them without bundling the schemas. contract.ts checks they match the schemas.
 */
export const CHANNEL_NAMES = [
  'app.info',
  'jobs.add',
  'jobs.list',
  'jobs.get',
  'jobs.cancel',
  'jobs.retry',
  'jobs.remove',
  'jobs.promote',
  'queue.pause',
  'queue.resume',
  'queue.metrics',
  'queue.schedules',
  'library.search',
  'library.get',
  'library.delete',
  'library.reveal',
  'library.sites',
  'library.setKeep',
  'library.setPosition',
  'library.setWatched',
  'library.continue',
  'library.playback',
  'library.subtitleSearch',
  'library.collection',
  'settings.get',
  'settings.set',
  'tools.updateYtDlp',
  'subscriptions.list',
  'subscriptions.add',
  'subscriptions.update',
  'subscriptions.remove',
  'subscriptions.pause',
  'subscriptions.resume',
  'subscriptions.check',
  'subscriptions.importArchive',
  'subscriptions.exportArchive',
] as const;

export const EVENT_NAMES = ['jobs.progress', 'jobs.changed', 'library.changed', 'settings.changed', 'subscriptions.changed'] as const;
