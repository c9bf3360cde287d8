/** yt-dlp integration: locate, build argv, run (kill tree, watchdogs), parse, classify. */
export { locateTools, downloadedYtDlpPath, toolVersion } from './locate';
export { updateYtDlp } from './update';
export { buildDownloadArgs, OUTPUT_TEMPLATE, type DownloadArgsInput } from './args';
export { parseLine, splitMarked, type ProbeInfo, type YtEvent } from './progress';
export { classifyFailure, errorDetail, type ClassifiedError, type FailureInput, type RetryPolicy } from './errors';
export { validateUrl, normalizeUrl, MAX_URL_LENGTH } from './url';
export { runYtDlp, type RunOptions, type RunResult, type EndReason, type SpawnFn } from './run';
export { killTree } from './kill';
export { createProcessTracker, reapOrphans, readCommandLine, type ProcessTracker, type ReapOptions } from './processes';
