import type { ErrorCode, ErrorInfo, ErrorValues } from '../../shared/errors';

/** How the queue should treat a failure: never again, soon (network), or after a long wait (rate limit). */
export type RetryPolicy = 'never' | 'soon' | 'later';

export interface ClassifiedError extends ErrorInfo {
  retry: RetryPolicy;
  /** From a Retry-After the site sent, when yt-dlp shows it. */
  retryAfterMs?: number;
}

export interface FailureInput {
  stderr: string;
  exitCode: number | null;
  /** errno code when the process could not be started at all (ENOENT, EACCES). */
  spawnError?: string;
  site?: string;
  /** Bytes still to write, when known from progress; used for the no-space message. */
  neededBytes?: number | null;
}

interface Rule {
  code: ErrorCode;
  test: RegExp;
  retry: RetryPolicy;
  message: (site: string) => string;
  hint?: string;
}

/** First match wins; order from most to least specific. Samples in errors.test.ts are real yt-dlp output. */
const RULES: Rule[] = [
  { code: 'no-space', test: /No space left on device|\[Errno 28\]|ENOSPC/i, retry: 'never', message: () => 'The disk holding your library is full.' },
  { code: 'ffmpeg-missing', test: /ffmpeg (?:is )?not (?:installed|found)|ffprobe and ffmpeg not found|ffmpeg-location .* does not exist|Postprocessing: .*ffmpeg/i, retry: 'never', message: () => 'This download needs ffmpeg, which VidKeep could not find.', hint: 'Install ffmpeg (or set its folder in Settings), or pick a format that needs no conversion.' },
  {
    // Age gates, members-only videos and bot checks: cookies from a signed-in browser fix these.
    code: 'sign-in-required',
    test: /Sign in to confirm (?:your age|you(?:'|’)re not a bot)|confirm you(?:'|’)re not a bot|available to this channel's members|members[- ]only|Join this channel|only available for registered users|only available to (?:logged[- ]in|subscribers|premium)|(?:login|log in|sign in) (?:is )?required|requires (?:a )?(?:login|authentication|sign[- ]in)|--cookies-from-browser or --cookies|use --cookies|account cookies|inappropriate for some users|HTTP Error 401/i,
    retry: 'never',
    message: (s) => `${s} wants you to be signed in for this video (age check, members-only or "confirm you're not a bot").`,
    hint: 'Add your cookies for this site in Settings → Sites (a cookies.txt file, or from your browser in the desktop app), then retry.',
  },
  { code: 'rate-limited', test: /HTTP Error 429|Too Many Requests|rate[- ]limit/i, retry: 'later', message: (s) => `${s} is rate-limiting this computer.`, hint: 'VidKeep will try again later by itself.' },
  {
    code: 'unavailable',
    test: /Private video|Video unavailable|video (?:is|has been) (?:no longer available|removed|deleted)|This video has been removed|has been terminated|not available in your country|geo[- ]?restrict|This live event will begin|Premieres in|HTTP Error 404|HTTP Error 410|Requested format is not available|This video is (?:private|unavailable)|content isn't available/i,
    retry: 'never',
    message: (s) => `This video can't be downloaded from ${s}: it is private, removed, members-only, age-restricted or blocked in your country.`,
    hint: 'Open the link in a browser to see what the site says.',
  },
  { code: 'forbidden', test: /HTTP Error 403|Forbidden/i, retry: 'never', message: (s) => `${s} refused the download (403 Forbidden).`, hint: 'Updating yt-dlp often fixes this; some sites also need you to be signed in.' },
  { code: 'unsupported-site', test: /Unsupported URL|is not a valid URL|no suitable InfoExtractor|Unable to extract .* URL/i, retry: 'never', message: () => 'VidKeep (through yt-dlp) does not know how to download from this page.', hint: 'Check the link points at a video page; updating yt-dlp adds new sites.' },
  {
    code: 'network',
    test: /Connection (?:refused|reset|aborted)|ConnectionResetError|timed? ?out|Temporary failure in name resolution|Name or service not known|nodename nor servname|getaddrinfo failed|Network is unreachable|No route to host|Remote end closed connection|IncompleteRead|Did not get any data blocks|Got error: |urlopen error|HTTP Error 5\d\d|SSL: |EOF occurred in violation|fragment .* not found/i,
    retry: 'soon',
    message: (s) => `The connection to ${s} broke off.`,
    hint: 'VidKeep will try again; the part already downloaded is kept.',
  },
  { code: 'ytdlp-broken', test: /Traceback \(most recent call last\)|ModuleNotFoundError|ImportError|SyntaxError|python[\d.]*: (?:not found|can't open file)|No module named/i, retry: 'never', message: () => 'yt-dlp is installed but does not run properly.', hint: 'Update or reinstall yt-dlp from Settings.' },
];

const plural = (n: number) => (n >= 1e9 ? `${(n / 1e9).toFixed(1)} GB` : n >= 1e6 ? `${(n / 1e6).toFixed(0)} MB` : `${Math.ceil(n / 1e3)} kB`);

/** The ERROR line yt-dlp printed, without its bug-report boilerplate, as a detail for the hint. */
export function errorDetail(stderr: string): string | null {
  const lines = stderr.split(/\r?\n/).filter((l) => /^ERROR:/.test(l));
  const last = lines[lines.length - 1];
  if (!last) return null;
  return last
    .replace(/^ERROR:\s*/, '')
    // "[generic] None: " / "[youtube] dQw4w9WgXcQ: " names the extractor and id, not what went wrong.
    .replace(/^\[[\w:.-]+\]\s+[^\s:]+:\s+/, '')
    .replace(/;\s*please report this issue.*$/i, '')
    .slice(0, 300);
}

/** yt-dlp's stderr and exit to a code, a human message and a retry policy. Pure. */
export function classifyFailure(f: FailureInput): ClassifiedError {
  const site = f.site ?? 'The website';
  if (f.spawnError === 'ENOENT') return { code: 'ytdlp-missing', message: 'VidKeep could not find yt-dlp.', hint: 'Install yt-dlp, set its path in Settings, or let VidKeep download it.', retry: 'never' };
  if (f.spawnError) return { code: 'ytdlp-broken', message: `yt-dlp could not be started (${f.spawnError}).`, hint: 'Check the file is executable, or let VidKeep download a fresh copy.', retry: 'never', values: { reason: 'spawn', error: f.spawnError } };
  if (f.exitCode === 126 || f.exitCode === 127) return { code: 'ytdlp-broken', message: 'yt-dlp is installed but does not run properly.', hint: 'Update or reinstall yt-dlp from Settings.', retry: 'never' };
  const detail = errorDetail(f.stderr);
  for (const rule of RULES) {
    if (!rule.test.test(f.stderr)) continue;
    const out: ClassifiedError = { code: rule.code, message: rule.message(site), retry: rule.retry };
    // The UI words the error from its catalog with these; the English above is the fallback and the log.
    const values: ErrorValues = { site: f.site ?? site };
    let hint = rule.hint;
    if (rule.code === 'no-space') {
      hint = f.neededBytes ? `Free at least ${plural(f.neededBytes)} and retry; the part already downloaded is kept.` : 'Free some space and retry; the part already downloaded is kept.';
      if (f.neededBytes) Object.assign(values, { reason: 'needed', neededBytes: f.neededBytes });
    }
    if (rule.code === 'rate-limited') {
      const ra = /Retry-After:?\s*(\d+)/i.exec(f.stderr);
      if (ra) out.retryAfterMs = Number(ra[1]) * 1000;
    }
    const said = detail && rule.code !== 'no-space' ? detail : null;
    if (said) values.ytdlpSaid = said;
    const parts = [hint, said ? `yt-dlp said: ${said}` : undefined].filter(Boolean);
    if (parts.length) out.hint = parts.join(' ');
    out.values = values;
    return out;
  }
  const values: ErrorValues = f.exitCode !== null ? { reason: 'exit', exitCode: f.exitCode } : {};
  if (detail) values.ytdlpSaid = detail;
  return {
    code: 'download-failed',
    message: `The download failed${f.exitCode !== null ? ` (yt-dlp exit code ${f.exitCode})` : ''}.`,
    ...(detail ? { hint: `yt-dlp said: ${detail}` } : {}),
    ...(Object.keys(values).length ? { values } : {}),
    retry: 'soon',
  };
}
