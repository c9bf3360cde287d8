/** Where yt-dlp releases live and which file of a release this computer runs. Pure. */
import { VidKeepError } from '../../shared/errors';

export const YTDLP_CHANNELS = ['stable', 'nightly'] as const;
export type YtDlpChannel = (typeof YTDLP_CHANNELS)[number];

/** yt-dlp's own release feeds; each `latest/download/` folder holds every asset and SHA2-256SUMS. */
export const DEFAULT_RELEASE_BASE: Record<YtDlpChannel, string> = {
  stable: 'https://github.com/yt-dlp/yt-dlp/releases/latest/download/',
  nightly: 'https://github.com/yt-dlp/yt-dlp-nightly-builds/releases/latest/download/',
};

/**
 * The folder to fetch from. A configured base (tests, mirrors) may hold `{channel}`; without it the
 * same folder serves both channels.
 */
export function releaseBase(channel: YtDlpChannel, configured?: string): string {
  const raw = configured ? configured.replaceAll('{channel}', channel) : DEFAULT_RELEASE_BASE[channel];
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new VidKeepError('invalid-input', `The yt-dlp release address "${raw.slice(0, 200)}" is not a web address.`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new VidKeepError('invalid-input', 'The yt-dlp release address must start with https://.');
  return url.href.endsWith('/') ? url.href : `${url.href}/`;
}

/** The standalone build for this computer, so no Python is needed. */
export function releaseAsset(platform: NodeJS.Platform = process.platform, arch: string = process.arch): string {
  if (platform === 'win32') return arch === 'ia32' ? 'yt-dlp_x86.exe' : 'yt-dlp.exe';
  if (platform === 'darwin') return 'yt-dlp_macos';
  if (platform === 'linux') return arch === 'arm64' ? 'yt-dlp_linux_aarch64' : arch === 'arm' ? 'yt-dlp_linux_armv7l' : 'yt-dlp_linux';
  return 'yt-dlp';
}

/** `<sha256>  <name>` lines (sha256sum's format, `*` marks binary mode) to name -> lower-case hex. */
export function parseSums(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of text.split(/\r?\n/)) {
    const m = /^([0-9a-fA-F]{64}) [ *]?(\S.*)$/.exec(line.trim());
    if (m) out.set(m[2]!.trim(), m[1]!.toLowerCase());
  }
  return out;
}
