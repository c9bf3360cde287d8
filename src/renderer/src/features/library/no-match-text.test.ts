import { describe, expect, it } from 'vitest';
import { noMatchText } from './no-match-text';

describe('noMatchText', () => {
  it('names the subscription whenever one is chosen', () => {
    expect(noMatchText({ text: 'cats', from: 'Feed A', otherFilters: false })).toBe('Nothing from “Feed A” matches “cats”. Try fewer words, or choose “All videos”.');
    expect(noMatchText({ text: '', from: 'Feed A', otherFilters: true })).toBe('Nothing from “Feed A” matches these filters. Try another filter, or choose “All videos”.');
    expect(noMatchText({ text: '', from: 'Feed A', otherFilters: false })).toBe('No videos from “Feed A” are in your library yet. Choose “All videos” to see everything else.');
  });

  it('reads as before without one', () => {
    expect(noMatchText({ text: 'cats', from: null, otherFilters: true })).toBe('Nothing in your library matches “cats”. Try fewer words or another filter.');
    expect(noMatchText({ text: '', from: null, otherFilters: true })).toBe('Nothing matches these filters. Try fewer words or another filter.');
  });
});
