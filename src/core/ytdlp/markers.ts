/**
 * Prefixes of the lines VidKeep asks yt-dlp to print. ':' never survives --restrict-filenames, so a
 * video id cannot forge one inside the library part of a printed path.
 */
export const MARK = {
  progress: 'VK:PROG',
  postprocess: 'VK:PP',
  info: 'VK:INFO',
  playlist: 'VK:LIST',
  file: 'VK:FILE',
} as const;
