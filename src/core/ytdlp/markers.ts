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
  /** The downloaded file before post-processing: still known when an embedding step fails. */
  downloaded: 'VK:DONE',
  /** What the chosen formats will take on disk, when the site says. */
  size: 'VK:SIZE',
} as const;
