import { describe, expect, it } from 'vitest';
import { classifyFailure, errorDetail } from './errors';

const REPORT = '; please report this issue on  https://github.com/yt-dlp/yt-dlp/issues?q= , filling out the appropriate issue template. Confirm you are on the latest version using  yt-dlp -U';

// stderr as yt-dlp prints it: the first ones are captured from 2023.03.04 against the test server.
const CASES: Array<[string, string, string, string]> = [
  ['rate-limited', 'later', 'fixture 429', `ERROR: [generic] None: Unable to download webpage: HTTP Error 429: Too Many Requests (caused by <HTTPError 429: 'Too Many Requests'>)${REPORT}`],
  ['rate-limited', 'later', 'youtube 429', "ERROR: [youtube] dQw4w9WgXcQ: Unable to download API page: HTTP Error 429: Too Many Requests (caused by <HTTPError 429: 'Too Many Requests'>)"],
  ['forbidden', 'never', 'fixture 403', `ERROR: [generic] None: Unable to download webpage: HTTP Error 403: Forbidden (caused by <HTTPError 403: 'Forbidden'>)${REPORT}`],
  ['forbidden', 'never', 'media 403', 'ERROR: unable to download video data: HTTP Error 403: Forbidden'],
  ['unavailable', 'never', 'fixture 404', `ERROR: [generic] None: Unable to download webpage: HTTP Error 404: Not Found (caused by <HTTPError 404: 'Not Found'>)${REPORT}`],
  ['unavailable', 'never', 'private', "ERROR: [youtube] aaaaaaaaaaa: Private video. Sign in if you've been granted access to this video"],
  ['unavailable', 'never', 'removed', 'ERROR: [youtube] aaaaaaaaaaa: Video unavailable. This video has been removed by the uploader'],
  ['unavailable', 'never', 'geo', 'ERROR: [youtube] aaaaaaaaaaa: Video unavailable. The uploader has not made this video available in your country'],
  ['unavailable', 'never', 'geo (generic)', 'ERROR: [BiliBili] 123: This video is not available from your location due to geo restriction'],
  ['sign-in-required', 'never', 'members', 'ERROR: [youtube] aaaaaaaaaaa: Join this channel to get access to members-only content like this video, and other exclusive perks.'],
  ['sign-in-required', 'never', 'age', 'ERROR: [youtube] aaaaaaaaaaa: Sign in to confirm your age. This video may be inappropriate for some users.'],
  ['sign-in-required', 'never', 'bot check', "ERROR: [youtube] aaaaaaaaaaa: Sign in to confirm you’re not a bot. Use --cookies-from-browser or --cookies for the authentication. See  https://github.com/yt-dlp/yt-dlp/wiki/FAQ#how-do-i-pass-cookies-to-yt-dlp  for how to manually pass cookies. Also see  https://github.com/yt-dlp/yt-dlp/wiki/Extractors#exporting-youtube-cookies  for tips on effectively exporting YouTube cookies"],
  ['sign-in-required', 'never', 'registered', 'ERROR: [vimeo] 123: This video is only available for registered users'],
  ['sign-in-required', 'never', 'login required', 'ERROR: [instagram] abc: Requested content is not available, rate-limit reached or login required. Use --cookies, --cookies-from-browser, --username and --password, --netrc-cmd, or --netrc (instagram) to provide account credentials'],
  ['unavailable', 'never', 'terminated', 'ERROR: [youtube] aaaaaaaaaaa: Video unavailable. This video is no longer available because the YouTube account associated with this video has been terminated.'],
  ['unavailable', 'never', 'format', 'ERROR: [youtube] aaaaaaaaaaa: Requested format is not available. Use --list-formats for a list of available formats'],
  ['unsupported-site', 'never', 'unsupported', 'ERROR: Unsupported URL: https://example.com/about'],
  ['unsupported-site', 'never', 'not a url', 'ERROR: [generic] \'x\' is not a valid URL. Set --default-search "ytsearch" (or run  yt-dlp "ytsearch:x" ) to search YouTube'],
  ['network', 'soon', 'fixture reset', 'ERROR: [download] Got error: Downloaded 59175 bytes, expected 59204 bytes. Giving up after 10 retries'],
  ['network', 'soon', 'fixture truncate', 'ERROR: Did not get any data blocks'],
  ['network', 'soon', 'refused', "ERROR: [generic] None: Unable to download webpage: <urlopen error [Errno 111] Connection refused> (caused by URLError(ConnectionRefusedError(111, 'Connection refused')))"],
  ['network', 'soon', 'dns', 'ERROR: [generic] None: Unable to download webpage: <urlopen error [Errno -3] Temporary failure in name resolution> (caused by URLError(gaierror(-3, \'Temporary failure in name resolution\')))'],
  ['network', 'soon', 'read timeout', 'ERROR: [download] Got error: The read operation timed out'],
  ['network', 'soon', 'conn reset', "ERROR: unable to download video data: ('Connection aborted.', ConnectionResetError(104, 'Connection reset by peer'))"],
  ['network', 'soon', '503', 'ERROR: unable to download video data: HTTP Error 503: Service Unavailable'],
  ['no-space', 'never', 'ENOSPC', 'ERROR: unable to write data: [Errno 28] No space left on device'],
  ['ffmpeg-missing', 'never', 'merge', 'ERROR: You have requested merging of multiple formats but ffmpeg is not installed. Aborting due to --abort-on-error'],
  ['ffmpeg-missing', 'never', 'postprocess', 'ERROR: Postprocessing: ffprobe and ffmpeg not found. Please install or provide the path using --ffmpeg-location'],
  ['ytdlp-broken', 'never', 'traceback', "Traceback (most recent call last):\n  File \"/usr/bin/yt-dlp\", line 5, in <module>\nModuleNotFoundError: No module named 'yt_dlp'"],
  ['download-failed', 'soon', 'anything else', 'ERROR: something nobody has seen before'],
];

describe('classifyFailure', () => {
  it.each(CASES)('%s (%s): %s', (code, retry, _name, stderr) => {
    const c = classifyFailure({ stderr: `WARNING: [generic] Falling back on generic information extractor\n${stderr}\n`, exitCode: 1, site: 'example.com' });
    expect(c.code).toBe(code);
    expect(c.retry).toBe(retry);
    expect(c.message.length).toBeGreaterThan(10);
    expect(c.message).not.toMatch(/Traceback|caused by|github\.com/);
  });

  it('reports a missing or unstartable yt-dlp from the spawn error', () => {
    expect(classifyFailure({ stderr: '', exitCode: null, spawnError: 'ENOENT' })).toMatchObject({ code: 'ytdlp-missing', retry: 'never' });
    expect(classifyFailure({ stderr: '', exitCode: null, spawnError: 'EACCES' })).toMatchObject({ code: 'ytdlp-broken' });
    expect(classifyFailure({ stderr: "/usr/bin/env: 'python3': No such file or directory", exitCode: 127 })).toMatchObject({ code: 'ytdlp-broken' });
  });

  it('says how much space is needed when known', () => {
    const c = classifyFailure({ stderr: 'ERROR: unable to write data: [Errno 28] No space left on device', exitCode: 1, neededBytes: 1_500_000_000 });
    expect(c.hint).toMatch(/1\.5 GB/);
  });

  it('names the site and keeps yt-dlp’s words only in the hint', () => {
    const c = classifyFailure({ stderr: CASES[0]![3], exitCode: 1, site: 'www.youtube.com' });
    expect(c.message).toBe('www.youtube.com is rate-limiting this computer.');
    expect(c.hint).toMatch(/HTTP Error 429/);
    expect(c.hint).not.toMatch(/please report/);
  });

  it('carries the dynamic parts as values, so the UI can word them in any language', () => {
    expect(classifyFailure({ stderr: CASES[0]![3], exitCode: 1, site: 'www.youtube.com' }).values).toEqual({
      site: 'www.youtube.com',
      ytdlpSaid: 'Unable to download webpage: HTTP Error 429: Too Many Requests (caused by <HTTPError 429: \'Too Many Requests\'>)',
    });
    expect(classifyFailure({ stderr: 'ERROR: unable to write data: [Errno 28] No space left on device', exitCode: 1, neededBytes: 1_500_000_000 }).values).toMatchObject({ reason: 'needed', neededBytes: 1_500_000_000 });
    expect(classifyFailure({ stderr: 'ERROR: something odd', exitCode: 2 }).values).toEqual({ reason: 'exit', exitCode: 2, ytdlpSaid: 'something odd' });
    expect(classifyFailure({ stderr: '', exitCode: null, spawnError: 'EACCES' }).values).toEqual({ reason: 'spawn', error: 'EACCES' });
  });

  it('points a sign-in error at the cookie setting', () => {
    const c = classifyFailure({ stderr: 'ERROR: [youtube] aaaaaaaaaaa: Sign in to confirm your age. This video may be inappropriate for some users.', exitCode: 1, site: 'www.youtube.com' });
    expect(c.message).toMatch(/wants you to be signed in/);
    expect(c.hint).toMatch(/Settings → Sites/);
  });

  it('reads Retry-After when yt-dlp shows it', () => {
    expect(classifyFailure({ stderr: 'ERROR: HTTP Error 429: Too Many Requests\nRetry-After: 120', exitCode: 1 }).retryAfterMs).toBe(120_000);
  });
});

describe('errorDetail', () => {
  it('takes the last ERROR line without the report boilerplate', () => {
    expect(errorDetail(`WARNING: x\nERROR: first\nERROR: second${REPORT}\n`)).toBe('second');
    expect(errorDetail('nothing')).toBeNull();
  });

  it("drops yt-dlp's [extractor] id: prefix, which says nothing about what went wrong", () => {
    expect(errorDetail(`ERROR: [generic] None: Unable to download webpage: HTTP Error 403: Forbidden${REPORT}`)).toBe('Unable to download webpage: HTTP Error 403: Forbidden');
    expect(errorDetail('ERROR: [youtube] dQw4w9WgXcQ: Video unavailable')).toBe('Video unavailable');
    expect(errorDetail('ERROR: Unable to open file: x')).toBe('Unable to open file: x');
  });
});
