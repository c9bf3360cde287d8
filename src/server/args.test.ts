import { describe, expect, it } from 'vitest';
import { parseServeArgs } from './args';

describe('parseServeArgs', () => {
  it('defaults to loopback on a free port', () => {
    expect(parseServeArgs([])).toEqual({ host: '127.0.0.1', port: null, open: false, allowYtDlpUpdates: false });
  });
  it('reads every flag, with = or a space', () => {
    expect(parseServeArgs(['--port=8080', '--host', '0.0.0.0', '--data-dir', '/d', '--library=/l', '--token', 't'])).toEqual({
      host: '0.0.0.0', port: 8080, dataDir: '/d', libraryDir: '/l', token: 't', open: false, allowYtDlpUpdates: false,
    });
  });
  it('allows the daily yt-dlp check only when asked', () => {
    expect(parseServeArgs(['--allow-ytdlp-updates']).allowYtDlpUpdates).toBe(true);
  });
  it.each([[['--port', 'abc']], [['--port', '70000']], [['--data-dir']], [['--bogus']]])('rejects %j with a human message', (argv) => {
    expect(() => parseServeArgs(argv)).toThrow(/--/);
  });
});
