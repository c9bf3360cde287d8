import { describe, expect, it } from 'vitest';
import { wordsFor } from './words';

describe('main-process words', () => {
  it('follows Settings, else the system languages, else English', () => {
    expect(wordsFor('de', ['en-US']).t('startup.failed')).toBe('VidKeep konnte nicht starten');
    expect(wordsFor('system', ['fr-FR', 'de-CH']).t('menu.view')).toBe('Ansicht');
    expect(wordsFor(undefined, []).t('menu.view')).toBe('View');
  });

  it('words errors by code and values; a bug keeps its own words as the detail', () => {
    const de = wordsFor('de', []);
    const locked = { code: 'db-locked' as const, message: 'x', hint: 'y', values: { path: '/data/vidkeep.db' } };
    expect(de.error(locked)).toBe('Die Datenbank von VidKeep wird von einem anderen Programm verwendet (/data/vidkeep.db).');
    expect(de.hint(locked)).toMatch(/^Schließen Sie das andere VidKeep-Fenster/);
    const bug = { code: 'internal' as const, message: 'VidKeep’s database module has not been built for this Electron version.', hint: 'Run `npm run rebuild:electron` once.' };
    expect(de.error(bug)).toBe('In VidKeep ist ein Fehler aufgetreten.');
    expect(de.hint(bug)).toBe('VidKeep’s database module has not been built for this Electron version. Run `npm run rebuild:electron` once.');
    // A value the catalog needs is missing: core's English rather than a broken sentence.
    expect(de.error({ code: 'rate-limited', message: 'The site is rate-limiting this computer.', hint: 'Later.' })).toBe('The site is rate-limiting this computer.');
    expect(de.hint({ code: 'rate-limited', message: 'm', hint: 'Later.' })).toBe('Later.');
  });
});
