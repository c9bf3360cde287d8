import { describe, expect, it } from 'vitest';
import { findIssue, validateExtraArgs } from './extra-args';

describe('extra yt-dlp options', () => {
  it('passes allowlisted options with their values', () => {
    const ok = ['--embed-subs', '--format-sort', 'res:720', '--sponsorblock-remove=sponsor', '-N', '4', '--referer', '--exec'];
    // '--exec' here is --referer's value, not an option: yt-dlp reads it as text.
    expect(validateExtraArgs(ok)).toEqual(ok);
  });

  it.each([
    [['--exec', 'rm -rf ~'], /runs a program/],
    [['--exec=touch /tmp/x'], /runs a program/],
    [['--exec-before-download', 'x'], /runs a program/],
    [['-o', '/etc/%(id)s'], /where files are written/],
    [['-o/tmp/x'], /where files are written/],
    [['--output=/tmp/x'], /where files are written/],
    [['-P', '/tmp'], /where files are written/],
    [['-P/tmp'], /where files are written/],
    [['--paths', 'home:/tmp'], /where files are written/],
    [['--config-location', '/tmp/evil.conf'], /config files/],
    [['--config-locations', '/tmp/evil.conf'], /config files/],
    [['--batch-file', '/etc/passwd'], /reads links from a file/],
    [['-a', '/etc/passwd'], /reads links from a file/],
    [['--load-info-json', '/tmp/x.json'], /reads a file/],
    [['--netrc-cmd', 'sh -c id'], /runs a program/],
    [['--plugin-dirs', '/tmp/plugins'], /plugin code/],
    [['--cookies', '/home/u/.cookies'], /cookies per site/],
    [['--cookies-from-browser', 'chrome'], /cookies per site/],
    [['--ffmpeg-location', '/tmp/evil'], /another program/],
    [['--downloader', 'aria2c'], /another program/],
    [['--postprocessor-args', 'ffmpeg:-y /tmp/x'], /another program/],
    [['--download-archive', '/tmp/a'], /writes or reads files/],
    [['--add-header', 'Cookie:x'], /wrong one/],
    [['--exe', 'id'], /does not know it to be safe .*abbreviations/],
    [['--EXEC', 'id'], /does not know it/],
    [['−−exec', 'id'], /not an option/],
    [['https://evil.example/video'], /not an option/],
    [['--'], /end the options/],
    [['--embed-subs\n--exec'], /control characters/],
    [['--referer'], /needs a value/],
    [['--embed-subs=yes'], /takes no value/],
    [['-xv'], /short options/],
    [['--update'], /replaces the yt-dlp program/],
    [['--proxy', 'socks5://x:1'], /Settings → Sites/],
  ])('refuses %j with the reason', (args, reason) => {
    expect(findIssue(args)?.reason).toMatch(reason);
    expect(() => validateExtraArgs(args)).toThrow(/is not allowed/);
  });
});
