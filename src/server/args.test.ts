import { describe, expect, it } from 'vitest';
import { parseServeArgs } from './args';

const TOKEN = 'a-long-enough-random-token';

describe('parseServeArgs', () => {
  it('defaults to loopback on a free port', () => {
    expect(parseServeArgs([])).toEqual({ host: '127.0.0.1', port: null, libraryRoots: [], open: false, allowYtDlpUpdates: false, urls: [] });
  });
  it('reads every flag, with = or a space; --library-root repeats', () => {
    expect(parseServeArgs(['--port=8080', '--host', '0.0.0.0', '--data-dir', '/d', '--library=/l', '--token', TOKEN, '--library-root', '/r1', '--library-root=/r2'])).toEqual({
      host: '0.0.0.0', port: 8080, dataDir: '/d', libraryDir: '/l', token: TOKEN, libraryRoots: ['/r1', '/r2'], open: false, allowYtDlpUpdates: false, urls: [],
    });
  });
  it('takes links as positional arguments, between options too', () => {
    expect(parseServeArgs(['https://a.example/v/1', '--port', '0', 'https://b.example/v/2']).urls).toEqual(['https://a.example/v/1', 'https://b.example/v/2']);
    // A value of an option is never taken for a link.
    expect(parseServeArgs(['--library', 'https-looking-folder']).urls).toEqual([]);
  });
  it('allows the daily yt-dlp check only when asked', () => {
    expect(parseServeArgs(['--allow-ytdlp-updates']).allowYtDlpUpdates).toBe(true);
  });
  it.each([[['--port', 'abc']], [['--port', '70000']], [['--data-dir']], [['--bogus']], [['--library-root']]])('rejects %j with a human message', (argv) => {
    expect(() => parseServeArgs(argv)).toThrow(/--/);
  });
  it('refuses a token too short to protect anything', () => {
    expect(() => parseServeArgs(['--token', 'hunter2'])).toThrow(/too short \(7 characters; at least 20/);
    expect(() => parseServeArgs(['--token', 'x'.repeat(19)])).toThrow(/too short/);
    expect(parseServeArgs(['--token', 'x'.repeat(20)]).token).toBe('x'.repeat(20));
  });
});
