import { describe, expect, it } from 'vitest';
import { errorText } from './error-text';
import { intlFor } from './intl-for';

const en = intlFor('en');
const de = intlFor('de-DE', 'de');
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('errorText', () => {
  it('words an error from core by its code and values, in the user’s language', () => {
    const err = { code: 'invalid-url' as const, message: 'VidKeep only downloads web links (http or https), not ftp links.', values: { reason: 'scheme', scheme: 'ftp' } };
    expect(errorText(en, err)).toEqual({ message: 'VidKeep only downloads web links (http or https), not ftp links.', hint: '' });
    expect(errorText(de, err).message).toBe('VidKeep lädt nur Weblinks (http oder https), keine ftp-Links.');
  });

  it('adds what yt-dlp said after the hint, and words sizes and times for the locale', () => {
    const forbidden = { code: 'forbidden' as const, message: 'x', values: { site: '127.0.0.1', ytdlpSaid: 'HTTP Error 403: Forbidden' } };
    expect(errorText(de, forbidden)).toEqual({
      message: '127.0.0.1 hat den Download verweigert (403 Forbidden).',
      hint: 'Oft hilft es, yt-dlp zu aktualisieren; manche Websites verlangen außerdem eine Anmeldung. Meldung von yt-dlp: HTTP Error 403: Forbidden',
    });
    const full = { code: 'no-space' as const, message: 'x', values: { reason: 'needed', neededBytes: 1_500_000_000 } };
    expect(plain(errorText(de, full).hint)).toMatch(/^Geben Sie mindestens 1,5 GB frei/);
    const at = new Date(2026, 0, 31, 14, 5).getTime();
    const limited = { code: 'rate-limited' as const, message: 'x', values: { site: 'example.com', reason: 'retryAt', retryAt: at } };
    expect(plain(errorText(en, limited).hint)).toBe('VidKeep will try again at 2:05 PM.');
    expect(errorText(de, limited).hint).toBe('VidKeep versucht es um 14:05 erneut.');
  });

  it('uses the generic wording for a variant it does not know, and core’s English when it cannot word it', () => {
    expect(errorText(de, { code: 'invalid-input', message: 'limit must be a whole number', values: { reason: 'whatever' } }).message).toBe('Ein Teil der Eingabe ist ungültig.');
    // A value the message needs is missing: better core's English than a message id on screen.
    expect(errorText(de, { code: 'rate-limited', message: 'The site is rate-limiting this computer.' }).message).toBe('The site is rate-limiting this computer.');
    expect(errorText(de, { code: 'no-such-code' as 'internal', message: 'From a newer core.', hint: 'Update.' })).toEqual({ message: 'From a newer core.', hint: 'Update.' });
  });

  it('shows the UI’s own messages (form fields) as they are', () => {
    expect(errorText(de, { id: 'subs.field.date' }).message).toBe('Geben Sie das Datum als Jahr-Monat-Tag ein, zum Beispiel 2026-01-31.');
  });

  it('keeps a bug’s own words as the detail under the worded message', () => {
    expect(errorText(de, { code: 'internal', message: 'yt-dlp did not report a video id.' })).toEqual({ message: 'In VidKeep ist ein Fehler aufgetreten.', hint: 'yt-dlp did not report a video id.' });
  });
});
