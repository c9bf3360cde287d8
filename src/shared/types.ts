/**
 * The app's domain views, gathered for importers. Each type is inferred from its zod schema in
 * the file named beside it, so a type and its schema cannot drift.
 */
export { JOB_STATES, STAGES, type Millis, type JobState, type Stage, type Progress, type Page } from './progress';
export {
  DEFAULT_DOWNLOAD_OPTIONS,
  DOWNLOAD_ORIGINS,
  type Quality,
  type AudioFormat,
  type DownloadOptions,
  type DownloadOrigin,
  type DownloadResult,
  type DownloadStage,
  type Download,
} from './download';
export type { SubscriptionCheck } from './subscription-check';
export { JOB_NAMES, type JobView } from './job';
export {
  LIBRARY_SORTS,
  WATCH_FILTERS,
  type Video,
  type LibrarySort,
  type WatchFilter,
  type WatchState,
  type SubtitleTrack,
  type Chapter,
  type PlaybackInfo,
  type SubtitleHit,
  type Collection,
} from './video';
export type { SubscriptionFilters, SubscriptionRetention, InitialFetch, Subscription, ArchiveImport } from './subscription';
export type { Theme, Settings } from './settings';
export type { ToolStatus, AppInfo } from './app-info';
export type { QueueMetrics, ScheduleView } from './queue';
