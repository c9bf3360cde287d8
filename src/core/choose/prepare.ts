import type { Db } from '../db/open';
import type { DownloadOptions } from '../../shared/download';
import type { Settings } from '../../shared/settings';
import type { AddVideo } from '../library/types';
import { choiceArgs, usesSponsorBlock } from './choice-args';
import { clipSuffix } from './clip-range';
import { linkClip } from './clips';
import { storedSiteId } from '../library/identity';
import { sponsorBlockReachable, SPONSORBLOCK_API } from './sponsorblock';

/** A note's code (the renderer words it): SponsorBlock did not answer, the segments were kept. */
export const SPONSORBLOCK_UNREACHABLE = 'sponsorblock-unreachable';

export interface PreparedChoice {
  /** Appended to the preset's yt-dlp options. */
  args: string[];
  /** A clip is its own item: the full video being kept must not stop it. */
  isClip: boolean;
  /** Codes of what the download went on without, said to the user. */
  notes: string[];
  /** The library row for a clip gets its own id and link, so it never stands in for the full video. */
  toAdd(v: AddVideo): AddVideo;
  /** After the row exists: remember which video a clip came from. */
  added(videoId: string, info: Record<string, unknown>): void;
}

export interface PrepareInput {
  options: DownloadOptions;
  settings: Settings;
  ffmpeg: boolean;
  db: Db;
  sponsorBlockApi?: string;
  reachable?: (base: string) => Promise<boolean>;
}

/** What the handler needs to honour the user's choices for one download. Throws VidKeepError on bad input. */
export async function prepareChoice(i: PrepareInput): Promise<PreparedChoice> {
  const notes: string[] = [];
  let api: string | null = null;
  if (usesSponsorBlock(i.settings.sponsorBlock) && !i.options.clip) {
    const base = i.sponsorBlockApi ?? SPONSORBLOCK_API;
    if (await (i.reachable ?? sponsorBlockReachable)(base)) api = base;
    else notes.push(SPONSORBLOCK_UNREACHABLE);
  }
  const args = choiceArgs({ options: i.options, compatibility: i.settings.compatibility, sponsorBlock: i.settings.sponsorBlock, sponsorBlockApi: api, ffmpeg: i.ffmpeg });
  const clip = i.options.clip;
  let sourceUrl = '';
  return {
    args,
    isClip: clip !== undefined,
    notes,
    toAdd(v) {
      if (!clip) return v;
      sourceUrl = v.sourceUrl;
      const id = typeof v.info.id === 'string' ? v.info.id : 'video';
      const title = typeof v.info.title === 'string' ? v.info.title : id;
      return {
        ...v,
        info: { ...v.info, id: `${id}.${clipSuffix(clip)}`, title: `${title} (clip)`, duration: clip.endSec - clip.startSec },
        // A fragment keeps the clip's link apart from the full video's: a later paste of the video downloads it.
        sourceUrl: `${v.sourceUrl}#${clipSuffix(clip)}`,
      };
    },
    added(videoId, info) {
      if (!clip) return;
      const site = typeof info.extractor_key === 'string' ? info.extractor_key : null;
      const siteId = typeof info.id === 'string' ? info.id : null;
      linkClip(i.db, { videoId, sourceSite: site, sourceId: site && siteId ? storedSiteId(site, siteId, sourceUrl) : siteId, startSec: clip.startSec, endSec: clip.endSec });
    },
  };
}
