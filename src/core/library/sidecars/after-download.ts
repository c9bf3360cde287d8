import { existsSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import type { Settings } from '../../../shared/types';
import { writeSidecars } from './write';

/** Only the media-server layout writes Kodi/Jellyfin sidecars. */
export const wantsSidecars = (settings: Pick<Settings, 'layout'>): boolean => settings.layout.preset === 'media-server';

function besideThumbnail(file: string): string | null {
  const stem = join(dirname(file), basename(file, extname(file)));
  for (const ext of ['jpg', 'jpeg', 'png', 'webp']) if (existsSync(`${stem}.${ext}`)) return `${stem}.${ext}`;
  return null;
}

/**
 * The download handler's last step, once the video sits where the layout put it. Sidecars are a
 * courtesy to other players: a failure is logged, never a failed download.
 */
export function sidecarsAfterDownload(o: { settings: Settings; libraryDir: string; filePath: string; info: Record<string, unknown>; warn: (msg: string) => void }): string[] {
  if (!wantsSidecars(o.settings)) return [];
  const videoFile = join(o.libraryDir, o.filePath);
  try {
    return writeSidecars({ videoFile, info: o.info, thumbnail: besideThumbnail(videoFile) });
  } catch (err) {
    o.warn(`No media-server sidecars for ${o.filePath}: ${err instanceof Error ? err.message : String(err)}`);
    return [];
  }
}
