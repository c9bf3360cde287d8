/**
 * Extra yt-dlp options (desktop app, advanced). Only options that can neither run a program nor
 * read or write files outside the library pass; everything else is refused with the reason.
 * yt-dlp's option parser accepts abbreviations (`--exe` is `--exec`), so names must match exactly.
 */
import { VidKeepError } from '../../shared/errors';

/** Allowed options and how many values each takes. */
const ALLOWED: Record<string, 0 | 1> = {
  '--format-sort': 1, '-S': 1, '--format-sort-force': 0, '--prefer-free-formats': 0, '--check-formats': 0, '--no-check-formats': 0,
  '--sub-langs': 1, '--embed-subs': 0, '--embed-thumbnail': 0, '--embed-metadata': 0, '--embed-chapters': 0, '--no-embed-subs': 0,
  '--no-embed-thumbnail': 0, '--no-embed-metadata': 0, '--no-embed-chapters': 0, '--audio-quality': 1, '--remux-video': 1, '--recode-video': 1,
  '--sponsorblock-mark': 1, '--sponsorblock-remove': 1, '--no-sponsorblock': 0, '--extractor-args': 1, '--geo-bypass': 0, '--no-geo-bypass': 0,
  '--geo-bypass-country': 1, '--force-ipv4': 0, '-4': 0, '--force-ipv6': 0, '-6': 0, '--concurrent-fragments': 1, '-N': 1, '--throttled-rate': 1,
  '--http-chunk-size': 1, '--retries': 1, '-R': 1, '--fragment-retries': 1, '--extractor-retries': 1, '--retry-sleep': 1, '--buffer-size': 1,
  '--no-resize-buffer': 0, '--referer': 1, '--age-limit': 1, '--match-filters': 1, '--match-filter': 1, '--min-filesize': 1, '--max-filesize': 1,
  '--live-from-start': 0, '--no-live-from-start': 0, '--wait-for-video': 1, '--no-wait-for-video': 0, '--hls-use-mpegts': 0, '--no-hls-use-mpegts': 0,
  '--no-mtime': 0, '--mtime': 0, '--legacy-server-connect': 0, '--source-address': 1, '--sleep-subtitles': 1, '--no-check-certificates': 0,
  '--xff': 1, '--impersonate': 1, '--compat-options': 1, '--ignore-no-formats-error': 0, '--prefer-insecure': 0,
};

/** Refused options: the pattern, a key the UI words from its catalog, and the English reason. */
const WHY: Array<[RegExp, string, string]> = [
  [/^(--exec|--exec-before-download|--no-exec)$/, 'runsProgram', 'runs a program of its choice'],
  [/^(-o|--output|-P|--paths|--output-na-placeholder)$/, 'writesFiles', 'decides where files are written; VidKeep keeps every file inside the library'],
  [/^(--config-locations?|--ignore-config|--no-config|--no-config-locations)$/, 'configFiles', 'loads or changes yt-dlp config files, which can hold any option'],
  [/^(-a|--batch-file)$/, 'readsLinks', 'reads links from a file'],
  [/^--load-info-json$/, 'readsFile', 'reads a file from disk'],
  [/^(--netrc-cmd)$/, 'netrcCmd', 'runs a program to get passwords'],
  [/^(-n|--netrc|--netrc-location|-u|--username|-p|--password|--video-password|--twofactor|--ap-username|--ap-password|--client-certificate.*)$/, 'passwords', 'handles passwords; use a cookies file in Settings → Sites instead'],
  [/^(--plugin-dirs|--no-plugin-dirs|--use-postprocessor)$/, 'plugins', 'loads plugin code'],
  [/^(--cookies|--no-cookies|--cookies-from-browser|--no-cookies-from-browser)$/, 'cookies', 'uses cookies from a path; add cookies per site in Settings → Sites instead'],
  [/^(--proxy|--geo-verification-proxy)$/, 'proxy', 'sets a proxy; set proxies in Settings → Sites instead'],
  [/^(--ffmpeg-location|--external-downloader|--downloader|--external-downloader-args|--downloader-args|--postprocessor-args|--ppa)$/, 'otherProgram', 'runs another program or passes it arguments'],
  [/^(--download-archive|--print-to-file|--write-.*|--cache-dir|--load-pages|--write-pages|--paths-temp|--split-chapters|--batch-file)$/, 'filesOutside', 'writes or reads files outside what VidKeep manages'],
  [/^(-U|--update|--update-to|--no-update)$/, 'update', 'replaces the yt-dlp program; use Update in Settings'],
  [/^(--add-headers?|--user-agent)$/, 'headers', 'sends headers to every site, which can carry sign-in secrets to the wrong one'],
];

export interface ExtraArgsIssue {
  arg: string;
  /** A stable key for the catalog (runsProgram, writesFiles, unknown…). */
  why: string;
  reason: string;
}

/** Checks a whole list; returns it unchanged or throws naming the first refused item and why. */
export function validateExtraArgs(args: readonly string[]): string[] {
  const issue = findIssue(args);
  if (issue) throw new VidKeepError('invalid-input', `The yt-dlp option "${issue.arg.slice(0, 80)}" is not allowed: ${issue.reason}.`, 'Remove it from the extra options; only options on VidKeep’s list are passed to yt-dlp.', { reason: 'extraArg', arg: issue.arg.slice(0, 80), why: issue.why });
  return [...args];
}

export function findIssue(args: readonly string[]): ExtraArgsIssue | null {
  for (let i = 0; i < args.length; i++) {
    const raw = args[i]!;
    if (/[\0\r\n]/.test(raw)) return { arg: raw, why: 'controlChars', reason: 'it holds control characters' };
    if (raw === '--') return { arg: raw, why: 'endsOptions', reason: 'it would end the options, so anything after it becomes a link to download' };
    if (!raw.startsWith('-')) return { arg: raw, why: 'notOption', reason: 'it is not an option (extra links or values on their own are not passed)' };
    const eq = raw.startsWith('--') ? raw.indexOf('=') : -1;
    const name = eq > 0 ? raw.slice(0, eq) : raw;
    const why = WHY.find(([re]) => re.test(name));
    if (why) return { arg: raw, why: why[1], reason: `it ${why[2]}` };
    // Short options with the value attached (-ofile, -P/tmp) are how -o and -P sneak past.
    if (/^-[A-Za-z0-9]./.test(name) && !name.startsWith('--')) {
      const short = name.slice(0, 2);
      const sWhy = WHY.find(([re]) => re.test(short));
      return sWhy ? { arg: raw, why: sWhy[1], reason: `it ${sWhy[2]}` } : { arg: raw, why: 'shortAttached', reason: 'short options with an attached value are not accepted; write the value as the next item' };
    }
    const arity = ALLOWED[name];
    if (arity === undefined) return { arg: raw, why: 'unknown', reason: 'VidKeep does not know it to be safe (only listed options pass; abbreviations are not accepted)' };
    if (arity === 0 && eq > 0) return { arg: raw, why: 'noValue', reason: 'this option takes no value' };
    if (arity === 1 && eq < 0) {
      const value = args[i + 1];
      if (value === undefined) return { arg: raw, why: 'needsValue', reason: 'it needs a value after it' };
      if (/[\0\r\n]/.test(value)) return { arg: value, why: 'controlChars', reason: 'it holds control characters' };
      i++;
    }
  }
  return null;
}
