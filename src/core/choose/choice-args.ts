import type { Compatibility, SponsorBlock, SponsorCategory } from '../../shared/choose';
import { FORMAT_ID_RE, SPONSOR_CATEGORIES } from '../../shared/choose';
import type { DownloadOptions } from '../../shared/download';
import { VidKeepError } from '../../shared/errors';
import { clipSuffix } from './clip-range';

export interface ChoiceInput {
  options: DownloadOptions;
  compatibility: Compatibility;
  sponsorBlock: SponsorBlock;
  /** SponsorBlock's base URL when it answered; null drops SponsorBlock for this download. */
  sponsorBlockApi: string | null;
  ffmpeg: boolean;
}

/** "most compatible": H.264 and AAC in MP4 come first whatever their height; yt-dlp falls back to others. */
export const COMPATIBLE_SORT = 'vcodec:h264,acodec:aac,ext:mp4:m4a,res,fps';

const picked = (sb: SponsorBlock, action: 'remove' | 'chapters'): SponsorCategory[] => SPONSOR_CATEGORIES.filter((c) => sb[c] === action);

/**
 * yt-dlp options for what the user chose (format, compatibility, clip, SponsorBlock), appended after the
 * preset's own: for `-f` and `-o` yt-dlp's last word wins, so the preset stays the default path.
 */
export function choiceArgs(i: ChoiceInput): string[] {
  const o = i.options;
  const args: string[] = [];
  if (o.formatId !== undefined) {
    // The schema checked it already; checked again because payloads come back from the database.
    if (!FORMAT_ID_RE.test(o.formatId)) throw new VidKeepError('invalid-input', `"${o.formatId.slice(0, 40)}" is not a format VidKeep can ask for.`, undefined, { reason: 'badFormat', format: o.formatId.slice(0, 40) });
    if (o.formatId.includes('+') && !i.ffmpeg) throw new VidKeepError('ffmpeg-missing', 'Joining separate video and audio needs ffmpeg, which VidKeep could not find.', 'Install ffmpeg, or choose a format that has both.', { reason: 'merge' });
    args.push('-f', o.formatId);
  } else if (i.compatibility === 'compatible' && !o.audioOnly) {
    args.push('-S', COMPATIBLE_SORT);
    if (i.ffmpeg) args.push('--merge-output-format', 'mp4');
  }
  if (o.clip) {
    if (!i.ffmpeg) throw new VidKeepError('ffmpeg-missing', 'Cutting a clip needs ffmpeg, which VidKeep could not find.', 'Install ffmpeg, then retry.', { reason: 'clip' });
    const { startSec, endSec } = o.clip;
    args.push('--download-sections', `*${startSec}-${endSec}`, '--force-keyframes-at-cuts', '-o', `%(extractor_key)s/%(id)s.${clipSuffix(o.clip)}.%(ext)s`);
  }
  if (i.sponsorBlockApi !== null && !o.clip) {
    const remove = picked(i.sponsorBlock, 'remove');
    const mark = picked(i.sponsorBlock, 'chapters');
    if (remove.length + mark.length > 0) {
      if (remove.length > 0 && !i.ffmpeg) throw new VidKeepError('ffmpeg-missing', 'Removing sponsor segments needs ffmpeg, which VidKeep could not find.', 'Install ffmpeg, or mark the segments as chapters instead.', { reason: 'sponsor' });
      args.push('--sponsorblock-api', i.sponsorBlockApi);
      if (remove.length > 0) args.push('--sponsorblock-remove', remove.join(','));
      if (mark.length > 0) args.push('--sponsorblock-mark', mark.join(','));
    }
  }
  return args;
}

export const usesSponsorBlock = (sb: SponsorBlock): boolean => SPONSOR_CATEGORIES.some((c) => sb[c] !== 'off');
