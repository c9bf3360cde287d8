import type { Db } from '../db/open';
import type { LibraryDisk } from '../../shared/disk';
import { freeBytes as statfsFreeBytes, type FreeBytes } from './disk-space';

/**
 * The Library's disk line: the sizes the database keeps of its videos' files (no walk of the
 * folder: a large library answers at once) and the drive's free space.
 */
export function createDiskUsage(db: Db, getLibraryDir: () => string, free: FreeBytes = statfsFreeBytes): (channel?: string) => LibraryDisk {
  const all = db.prepare<[], { bytes: number | null }>('SELECT sum(size) AS bytes FROM videos');
  // The channel page names a channel by its uploader, as library.collection does.
  const byChannel = db.prepare<[string], { bytes: number | null }>('SELECT sum(size) AS bytes FROM videos WHERE uploader = ?');
  return (channel) => ({
    usedBytes: Math.max(0, all.get()?.bytes ?? 0),
    freeBytes: free(getLibraryDir()),
    channelBytes: channel === undefined ? null : Math.max(0, byChannel.get(channel)?.bytes ?? 0),
  });
}
