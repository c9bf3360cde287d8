import { describe, expect, it } from 'vitest';
import { sideFileSuffixes } from './place';

describe('side files of a staged download', () => {
  it('takes the info json, a thumbnail and subtitles, and nothing of another video that shares the prefix', () => {
    const names = ['abc.mp4', 'abc.info.json', 'abc.jpg', 'abc.en.vtt', 'abc.pt-BR.srt', 'abc.mp4.part', 'abc.en.mp4', 'abc.en.info.json', 'abc.en.jpg', 'abc.en.de.vtt', 'abcd.jpg', 'abc.live_chat.json', 'abc.description'];
    expect(sideFileSuffixes('abc', names).sort()).toEqual(['.en.vtt', '.info.json', '.jpg', '.pt-BR.srt']);
  });
});
