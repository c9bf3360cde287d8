import { describe, expect, it } from 'vitest';
import { noMatchText } from './no-match-text';
import { intlFor } from '../../i18n/intl-for';

const en = intlFor('en');
const de = intlFor('de', 'de');

describe('noMatchText', () => {
  it('names the subscription whenever one is chosen', () => {
    expect(noMatchText(en, { text: 'cats', from: 'Feed A', otherFilters: false })).toBe('Nothing from “Feed A” matches “cats”. Try fewer words, or choose “All videos”.');
    expect(noMatchText(en, { text: '', from: 'Feed A', otherFilters: true })).toBe('Nothing from “Feed A” matches these filters. Try another filter, or choose “All videos”.');
    expect(noMatchText(en, { text: '', from: 'Feed A', otherFilters: false })).toBe('No videos from “Feed A” are in your library yet. Choose “All videos” to see everything else.');
  });

  it('reads as before without one', () => {
    expect(noMatchText(en, { text: 'cats', from: null, otherFilters: true })).toBe('Nothing in your library matches “cats”. Try fewer words or another filter.');
    expect(noMatchText(en, { text: '', from: null, otherFilters: true })).toBe('Nothing matches these filters. Try fewer words or another filter.');
  });

  it('speaks German with German quotes', () => {
    expect(noMatchText(de, { text: 'Katzen', from: 'Feed A', otherFilters: false })).toBe('Nichts aus „Feed A“ passt zu „Katzen“. Versuchen Sie weniger Wörter oder wählen Sie „Alle Videos“.');
  });
});
