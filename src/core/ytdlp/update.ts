/**
 * "Update now": fetch the channel's yt-dlp, check it against the release's SHA2-256SUMS before it
 * replaces anything, keep the previous copy, and put it back when the new one fails `--version`.
 */
import { chmodSync, copyFileSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { ToolStatus } from '../../shared/types';
import { VidKeepError } from '../../shared/errors';
import { downloadedYtDlpPath, toolVersion } from './locate';
import { parseSums, releaseAsset, releaseBase, type YtDlpChannel } from './update-release';
import { fetchText, fetchToFile, type FetchFn } from './update-fetch';

export interface UpdateOptions {
  userDataDir: string;
  channel: YtDlpChannel;
  /** Overrides the release folder (tests, mirrors); may hold `{channel}`. */
  baseUrl?: string;
  fetch?: FetchFn;
  timeoutMs?: number;
  platform?: NodeJS.Platform;
  arch?: string;
  /** Runs a binary's `--version` (injected in tests). */
  version?: (bin: string) => Promise<string | null>;
}

export interface UpdateResult extends ToolStatus {
  /** The version replaced, when there was one. */
  previous: string | null;
  channel: YtDlpChannel;
}

const MAX_BINARY = 200 * 1024 * 1024;

/** The kept copy of the last working yt-dlp, restored when an update does not run. */
export const previousYtDlpPath = (userDataDir: string) => `${downloadedYtDlpPath(userDataDir)}.previous`;

export async function updateYtDlp(o: UpdateOptions): Promise<UpdateResult> {
  const base = releaseBase(o.channel, o.baseUrl);
  const asset = releaseAsset(o.platform, o.arch);
  const version = o.version ?? ((bin: string) => toolVersion(bin, '--version'));
  const net = { ...(o.fetch ? { fetch: o.fetch } : {}), ...(o.timeoutMs !== undefined ? { timeoutMs: o.timeoutMs } : {}) };

  const sums = parseSums(await fetchText(`${base}SHA2-256SUMS`, { ...net, maxBytes: 1024 * 1024 }));
  const expected = sums.get(asset);
  if (!expected) throw new VidKeepError('not-found', `This release lists no ${asset} in its SHA2-256SUMS, so VidKeep did not install it.`, 'Try again later or switch channel.', { reason: 'releaseAsset', asset });

  const target = downloadedYtDlpPath(o.userDataDir);
  mkdirSync(join(o.userDataDir, 'bin'), { recursive: true });
  const tmp = `${target}.download`;
  rmSync(tmp, { force: true });
  const got = await fetchToFile(`${base}${asset}`, tmp, { ...net, maxBytes: MAX_BINARY });
  if (got.sha256 !== expected) {
    rmSync(tmp, { force: true });
    throw new VidKeepError('checksum-mismatch', 'The downloaded yt-dlp does not match the release’s checksum; VidKeep threw it away and kept your current copy.', 'The download was damaged or tampered with. Try again later.', { reason: 'ytdlp', expected: expected.slice(0, 16), got: got.sha256.slice(0, 16) });
  }
  if (process.platform !== 'win32') chmodSync(tmp, 0o755);

  const previousPath = previousYtDlpPath(o.userDataDir);
  const hadPrevious = existsSync(target);
  const previous = hadPrevious ? await version(target) : null;
  if (hadPrevious) copyFileSync(target, previousPath);
  renameSync(tmp, target);
  const now = await version(target);
  if (!now) {
    // Put the old copy back before saying anything: the user must never be left without yt-dlp.
    if (hadPrevious) renameSync(previousPath, target);
    else rmSync(target, { force: true });
    throw new VidKeepError('ytdlp-broken', `The new yt-dlp does not run on this computer, so VidKeep ${hadPrevious ? `went back to ${previous ?? 'the previous copy'}` : 'did not install it'}.`, 'Try the other channel, or install yt-dlp yourself and set its path in Settings.', hadPrevious ? { reason: 'rolledBack', previous: previous ?? '' } : { reason: 'notInstalled' });
  }
  return { found: true, path: target, version: now, source: 'downloaded', previous, channel: o.channel };
}
