import { describe, expect, it } from 'vitest';
import { linkFromProtocol, linksFromArgs } from './send-links';
import { keepsRunning } from './background';
import { trayTooltip } from './tray';
import { wordsFor } from './words';

describe('links sent to VidKeep', () => {
  it('reads vidkeep://add?url= in either spelling, and nothing else', () => {
    expect(linkFromProtocol('vidkeep://add?url=https%3A%2F%2Fx.test%2Fw%3Fv%3D1')).toBe('https://x.test/w?v=1');
    expect(linkFromProtocol('vidkeep:add?url=https://x.test/a')).toBe('https://x.test/a');
    expect(linkFromProtocol('VIDKEEP://ADD/?url=https://x.test/a')).toBe('https://x.test/a');
    expect(linkFromProtocol('vidkeep://add')).toBe('');
    expect(linkFromProtocol('vidkeep://delete?url=https://x.test/a')).toBeNull();
    expect(linkFromProtocol('https://x.test/a')).toBeNull();
  });

  it('keeps the order of a command line and passes hostile links on, for jobs.add to refuse', () => {
    expect(linksFromArgs(['/opt/vidkeep', '--flag', 'https://a.test/1', 'vidkeep://add?url=file%3A%2F%2F%2Fetc%2Fpasswd', 'http://b.test/2', 'ftp://c'])).toEqual([
      'https://a.test/1',
      'file:///etc/passwd',
      'http://b.test/2',
    ]);
  });
});

describe('background', () => {
  it('keeps running once a subscription exists unless the user said otherwise', () => {
    const bg = { keepRunning: null, startAtLogin: false, toldKeepRunning: false };
    expect(keepsRunning(bg, 0)).toBe(false);
    expect(keepsRunning(bg, 1)).toBe(true);
    expect(keepsRunning({ ...bg, keepRunning: false }, 3)).toBe(false);
    expect(keepsRunning({ ...bg, keepRunning: true }, 0)).toBe(true);
  });
  it('the tray says overall progress', () => {
    const en = wordsFor('en', []);
    expect(trayTooltip(en, -1, 0)).toBe('VidKeep');
    expect(trayTooltip(en, 0.456, 2)).toBe('VidKeep — 2 downloads, 46%');
    expect(trayTooltip(en, 2, 1)).toBe('VidKeep — 1 download');
    expect(trayTooltip(wordsFor('de', []), 0.5, 3)).toBe('VidKeep — 3 Downloads, 50\u00a0%');
  });
});
