import type { LayoutFields, LayoutPreset } from './types';

/**
 * The presets, written in the template language (with the internal `{episode}` field). A missing
 * date or channel id picks a variant without it, rather than a folder called "Unknown date".
 */
export function presetTemplate(preset: Exclude<LayoutPreset, 'custom'>, f: LayoutFields): string {
  switch (preset) {
    case 'flat':
      return '{title} [{id}]';
    case 'media-server': {
      // Jellyfin, Kodi and Plex read "S<season>E<episode>"; an undated video goes to the specials.
      const show = f.channelId ? '{uploader} [{channel_id}]' : '{uploader}';
      return f.uploadDate
        ? `${show}/Season {year}/{uploader} - S{year}E{episode} - {title} [{id}]`
        : `${show}/Specials/{uploader} - S00E{episode} - {title} [{id}]`;
    }
    case 'channel':
      return f.uploadDate ? '{uploader}/{upload_date} {title} [{id}]' : '{uploader}/{title} [{id}]';
  }
}
