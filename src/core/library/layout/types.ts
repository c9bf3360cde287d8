export type { LayoutPreset, LayoutSetting } from '../../../shared/layout';
export { DEFAULT_LAYOUT, LAYOUT_PRESETS } from '../../../shared/layout';

export interface LayoutFields {
  /** yt-dlp's extractor key, e.g. "Youtube", "Generic". */
  site: string;
  siteId: string;
  title: string;
  uploader: string | null;
  channelId: string | null;
  /** YYYYMMDD, or null when unknown. */
  uploadDate: string | null;
  /** Without the dot. */
  ext: string;
  /** 1-based number of this video among its uploader's videos of that day (media-server E..nn). */
  dayIndex: number;
}
