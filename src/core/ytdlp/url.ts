import { VidKeepError } from '../../shared/errors';

export const MAX_URL_LENGTH = 2048;

/**
 * Checked before anything spawns: yt-dlp gets only an http(s) URL after `--`, so a pasted
 * `--exec ...` or `file:///etc/passwd` never reaches it as an option or a local path.
 */
export function validateUrl(input: string): URL {
  const text = input.trim();
  if (text === '') throw new VidKeepError('invalid-url', 'Paste a link to a video first.', undefined, { reason: 'empty' });
  if (text.length > MAX_URL_LENGTH) {
    throw new VidKeepError('invalid-url', `That link is too long (${text.length} characters; VidKeep accepts up to ${MAX_URL_LENGTH}).`, undefined, { reason: 'tooLong', length: text.length, max: MAX_URL_LENGTH });
  }
  // eslint-disable-next-line no-control-regex
  if (/[\s\u0000-\u001f\u007f]/.test(text)) {
    throw new VidKeepError('invalid-url', 'That link contains spaces or hidden characters.', 'Copy the address from the browser bar again; paste one link per line.', { reason: 'spaces' });
  }
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new VidKeepError('invalid-url', `"${text.slice(0, 80)}" is not a web address.`, 'Links start with https:// — copy one from your browser.', { reason: 'notUrl', text: text.slice(0, 80) });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    const scheme = url.protocol.replace(':', '');
    throw new VidKeepError('invalid-url', `VidKeep only downloads web links (http or https), not ${scheme} links.`, undefined, { reason: 'scheme', scheme });
  }
  if (!url.hostname) throw new VidKeepError('invalid-url', 'That link has no website in it.', undefined, { reason: 'noHost' });
  return url;
}

/** The identity used to spot the same link queued twice: case of host, default port and fragment don't matter. */
export function normalizeUrl(input: string): string {
  const url = validateUrl(input);
  url.hash = '';
  url.hostname = url.hostname.toLowerCase();
  if ((url.protocol === 'http:' && url.port === '80') || (url.protocol === 'https:' && url.port === '443')) url.port = '';
  return url.toString();
}
