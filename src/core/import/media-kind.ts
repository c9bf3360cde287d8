/**
 * What a file is, from its name and its first bytes. The extension says whether to look at all;
 * the first 16 bytes say whether it really is a container VidKeep can play or ffprobe can read,
 * so random bytes or a text file wearing a video's name are told apart without running anything.
 */
export const VIDEO_EXTS = new Set(['mp4', 'm4v', 'mkv', 'webm', 'mov', 'avi', 'flv', 'ts', 'mts', 'm2ts', '3gp', 'wmv', 'mpg', 'mpeg', 'ogv']);
export const AUDIO_EXTS = new Set(['m4a', 'mp3', 'opus', 'ogg', 'oga', 'wav', 'flac', 'aac', 'wma', 'mka']);
export const THUMB_EXTS = ['jpg', 'jpeg', 'webp', 'png'] as const;
export const SUBTITLE_EXTS = new Set(['vtt', 'srt', 'ass', 'ssa']);

/** Bytes the sniff reads from the start of a file. */
export const SNIFF_BYTES = 16;

export type Container = 'iso-bmff' | 'matroska' | 'riff' | 'flv' | 'ogg' | 'flac' | 'mp3' | 'adts' | 'mpeg-ts' | 'mpeg-ps' | 'asf';

export function extOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? '' : name.slice(dot + 1).toLowerCase();
}

export const isMediaName = (name: string) => VIDEO_EXTS.has(extOf(name)) || AUDIO_EXTS.has(extOf(name));
export const isAudioName = (name: string) => AUDIO_EXTS.has(extOf(name));

const ASF = [0x30, 0x26, 0xb2, 0x75, 0x8e, 0x66, 0xcf, 0x11];
const at = (b: Uint8Array, offset: number, bytes: readonly number[]) => bytes.every((x, i) => b[offset + i] === x);
const ascii = (b: Uint8Array, offset: number, text: string) => at(b, offset, [...text].map((c) => c.charCodeAt(0)));

/** The container the first bytes announce, or null when they announce none VidKeep knows. */
export function sniffContainer(head: Uint8Array): Container | null {
  if (head.length < 4) return null;
  if (head.length >= 8 && ascii(head, 4, 'ftyp')) return 'iso-bmff';
  // Some QuickTime files start with other atoms before ftyp.
  if (head.length >= 8 && ['moov', 'mdat', 'wide', 'free', 'skip'].some((a) => ascii(head, 4, a))) return 'iso-bmff';
  if (at(head, 0, [0x1a, 0x45, 0xdf, 0xa3])) return 'matroska';
  if (ascii(head, 0, 'RIFF')) return 'riff';
  if (ascii(head, 0, 'FLV')) return 'flv';
  if (ascii(head, 0, 'OggS')) return 'ogg';
  if (ascii(head, 0, 'fLaC')) return 'flac';
  if (ascii(head, 0, 'ID3')) return 'mp3';
  if (at(head, 0, ASF)) return 'asf';
  if (at(head, 0, [0x00, 0x00, 0x01, 0xba]) || at(head, 0, [0x00, 0x00, 0x01, 0xb3])) return 'mpeg-ps';
  // A transport stream repeats its sync byte every 188 bytes; 16 bytes show only the first.
  if (head[0] === 0x47 && (head[1]! & 0x80) === 0) return 'mpeg-ts';
  if (head[0] === 0xff && (head[1]! & 0xf6) === 0xf0) return 'adts';
  if (head[0] === 0xff && (head[1]! & 0xe0) === 0xe0) return 'mp3';
  return null;
}
