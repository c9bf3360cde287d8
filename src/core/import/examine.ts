/**
 * One found file -> what to store, or why not. Reads as little as it can: the first bytes (to tell
 * a real container from garbage), the info json beside it, and only for a file without one a
 * fingerprint and ffprobe. Never throws for anything a file can hold.
 */
import { createHash } from 'node:crypto';
import { constants } from 'node:fs';
import { open, readFile, stat, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { extOf, isAudioName, sniffContainer, SNIFF_BYTES, SUBTITLE_EXTS, THUMB_EXTS } from './media-kind';
import { MAX_INFO_BYTES, parseSidecar, type SidecarMeta } from './sidecar';
import type { Prober } from './probe';
import type { Candidate } from './types';
import type { ImportSkipReason } from '../../shared/import';

export interface Examined {
  size: number;
  mtimeMs: number;
  /** device:inode, to know the same file again under another name. */
  fileKey: string;
  meta: SidecarMeta | null;
  /** A file without an info json: site 'Local' and this content fingerprint as its id. */
  localId: string | null;
  title: string;
  durationSec: number | null;
  audioOnly: boolean;
  thumbName: string | null;
  hasSubtitles: boolean;
}

export type Examination = { ok: true; file: Examined } | { ok: false; reason: ImportSkipReason };

const FINGERPRINT_BYTES = 64 * 1024;
const NOFOLLOW = constants.O_NOFOLLOW ?? 0;

export const stemOf = (name: string) => name.slice(0, name.length - extOf(name).length - 1);

export interface ExamineOptions {
  /** ffprobe, or null when it is missing (then a file without an info json cannot be read). */
  probe: Prober | null;
  signal?: AbortSignal;
  /** Asked before the slow part: a file already kept under this device:inode is not probed. */
  knownFile?: (fileKey: string) => boolean;
}

export type Examine = (c: Candidate) => Promise<Examination | { ok: false; reason: 'already-kept' }>;

export function createExaminer(o: ExamineOptions): Examine {
  return async (c) => {
    let handle;
    try {
      handle = await open(c.abs, constants.O_RDONLY | NOFOLLOW);
    } catch (err) {
      return { ok: false, reason: (err as NodeJS.ErrnoException).code === 'ELOOP' ? 'link' : 'unreadable' };
    }
    const stem = stemOf(c.name);
    try {
      const st = await handle.stat();
      if (!st.isFile()) return { ok: false, reason: 'notFile' };
      if (st.size === 0) return { ok: false, reason: 'empty' };
      const head = Buffer.alloc(Math.min(SNIFF_BYTES, st.size));
      try {
        await handle.read(head, 0, head.length, 0);
      } catch {
        return { ok: false, reason: 'unreadable' };
      }
      if (!sniffContainer(head)) return { ok: false, reason: 'notMedia' };
      const fileKey = `${st.dev}:${st.ino}`;
      const base = {
        size: st.size,
        mtimeMs: Math.round(st.mtimeMs),
        fileKey,
        thumbName: THUMB_EXTS.map((e) => `${stem}.${e}`).find((n) => c.siblings.has(n)) ?? null,
        hasSubtitles: [...c.siblings].some((n) => n.startsWith(`${stem}.`) && SUBTITLE_EXTS.has(extOf(n)) && n !== c.name),
      };
      const infoName = `${stem}.info.json`;
      if (c.siblings.has(infoName)) {
        const meta = await readSidecar(join(c.dir, infoName));
        if (!meta) return { ok: false, reason: 'brokenInfo' };
        if (meta.filesize !== null && st.size < meta.filesize) return { ok: false, reason: 'truncated' };
        let durationSec = meta.duration;
        // Only when the info json has none: ffprobe is what makes an import slow.
        if (durationSec === null && o.probe) durationSec = (await o.probe(c.abs, o.signal))?.durationSec ?? null;
        const vcodec = meta.info.vcodec;
        return { ok: true, file: { ...base, meta, localId: null, title: meta.title ?? stem, durationSec, audioOnly: vcodec === 'none' || isAudioName(c.name) } };
      }
      if (o.knownFile?.(fileKey)) return { ok: false, reason: 'already-kept' };
      if (!o.probe) return { ok: false, reason: 'unprobeable' };
      const probed = await o.probe(c.abs, o.signal);
      if (!probed) return { ok: false, reason: 'unprobeable' };
      const localId = await fingerprint(handle, st.size);
      return { ok: true, file: { ...base, meta: null, localId, title: stem.trim() || c.name, durationSec: probed.durationSec, audioOnly: !probed.hasVideo } };
    } catch {
      return { ok: false, reason: 'unreadable' };
    } finally {
      await handle.close().catch(() => undefined);
    }
  };
}

async function readSidecar(path: string): Promise<SidecarMeta | null> {
  try {
    if ((await stat(path)).size > MAX_INFO_BYTES) return null;
    return parseSidecar(await readFile(path, 'utf8'));
  } catch {
    return null;
  }
}

/** Size plus the first and last 64 KiB: the same content copied or moved keeps the same id. */
async function fingerprint(handle: FileHandle, size: number): Promise<string> {
  const h = createHash('sha256').update(String(size));
  const n = Math.min(FINGERPRINT_BYTES, size);
  const buf = Buffer.alloc(n);
  await handle.read(buf, 0, n, 0);
  h.update(buf);
  if (size > n) {
    await handle.read(buf, 0, n, size - n);
    h.update(buf);
  }
  return h.digest('hex').slice(0, 32);
}
