import { describe, expect, it } from 'vitest';
import { startupMessage } from './startup-message';

const base = { link: 'http://127.0.0.1:4810/', libraryDir: '/home/u/Videos', dataDir: '/home/u/.vidkeep', libraryRoots: [] as string[] };

describe('startup message', () => {
  it('on loopback: where to go and what it uses, no network warning', () => {
    const text = startupMessage({ ...base, bind: '127.0.0.1' }).join('\n');
    expect(text).toContain('VidKeep is running at http://127.0.0.1:4810/');
    expect(text).toContain('Library: /home/u/Videos');
    expect(text).toMatch(/library folder can be changed only in the desktop app \(start with --library-root/);
    expect(text).not.toMatch(/encrypted/i);
  });

  it.each(['0.0.0.0', '192.168.1.20', '::'])('bound to %s: says plainly that plain HTTP is not encrypted', (bind) => {
    const text = startupMessage({ ...base, bind, link: 'http://192.168.1.20:4810/?token=abc' }).join('\n');
    expect(text).toMatch(/plain HTTP on your network, NOT encrypted/);
    expect(text).toMatch(/including the access token/);
  });

  it('names the roots the library may move into', () => {
    expect(startupMessage({ ...base, bind: '127.0.0.1', libraryRoots: ['/srv/a', '/srv/b'] }).join('\n')).toContain('inside: /srv/a, /srv/b');
  });
});
