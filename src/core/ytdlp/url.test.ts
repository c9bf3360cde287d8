import { describe, expect, it } from 'vitest';
import { VidKeepError } from '../../shared/errors';
import { normalizeUrl, validateUrl } from './url';

const code = (fn: () => unknown) => {
  try {
    fn();
    return null;
  } catch (err) {
    return err instanceof VidKeepError ? err.code : 'other';
  }
};

describe('validateUrl', () => {
  it.each([
    'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
    'http://127.0.0.1:8080/v/clip.mp4',
    '  https://vimeo.com/123  ',
    `https://example.com/${'a'.repeat(2000)}`,
  ])('accepts %s', (u) => expect(code(() => validateUrl(u))).toBeNull());

  it.each([
    ['', 'empty'],
    ['--exec rm -rf ~', 'an option'],
    ['file:///etc/passwd', 'file scheme'],
    ['javascript:alert(1)', 'javascript scheme'],
    ['ftp://example.com/x.mp4', 'ftp'],
    ['https://example.com/a b', 'inner space'],
    ['https://example.com/a\tb', 'tab'],
    ['https://example.com/\u0000', 'NUL'],
    ['https://example.com/a\nhttps://b.com', 'newline'],
    [`https://example.com/${'a'.repeat(2100)}`, 'too long'],
    ['not a url', 'words'],
    ['http://', 'no host'],
  ])('rejects %j (%s) with invalid-url', (u) => expect(code(() => validateUrl(u))).toBe('invalid-url'));

  it('gives a human message', () => {
    expect(() => validateUrl('file:///etc/passwd')).toThrowError(/only downloads web links/);
  });
});

describe('normalizeUrl', () => {
  it('ignores host case, default port and fragment', () => {
    expect(normalizeUrl('HTTPS://Example.COM:443/v/a.mp4#t=10')).toBe('https://example.com/v/a.mp4');
    expect(normalizeUrl('http://example.com:80/x?q=1')).toBe('http://example.com/x?q=1');
  });
  it('keeps what identifies the video: path case and query', () => {
    expect(normalizeUrl('https://example.com/V/A?v=XyZ')).not.toBe(normalizeUrl('https://example.com/v/a?v=xyz'));
  });
});

describe('validateUrl values', () => {
  const values = (u: string) => {
    try {
      validateUrl(u);
      return null;
    } catch (err) {
      return (err as VidKeepError).values ?? null;
    }
  };
  it('names what is wrong as a reason with its parts, for the UI to word', () => {
    expect(values('')).toEqual({ reason: 'empty' });
    expect(values('ftp://nope.example/file')).toEqual({ reason: 'scheme', scheme: 'ftp' });
    expect(values('not a link')).toEqual({ reason: 'spaces' });
    expect(values('nolink')).toEqual({ reason: 'notUrl', text: 'nolink' });
    expect(values(`https://e.com/${'a'.repeat(3000)}`)).toMatchObject({ reason: 'tooLong', max: 2048 });
  });
});
