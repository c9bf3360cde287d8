import { describe, expect, it } from 'vitest';
import { episodeNfo, seasonEpisode, tvshowNfo } from './nfo';
import { xmlText } from './xml';
import { parseXml } from './xml.test-kit';

const field = (doc: Document, name: string) => doc.getElementsByTagName(name)[0]?.textContent ?? null;

const HOSTILE_TITLE = 'Ends here </title><script>&amp; "quoted" \'single\' \u0000NUL \u0007bell \u001b[31m 🎬 emoji \u202Eעברית RTL\u202C \uD800lone';
const LONG = 'x&<'.repeat(3500) + 'end';

const info = {
  id: 'abc<&>"\'123',
  extractor_key: 'Youtube',
  title: HOSTILE_TITLE,
  uploader: 'Chan & "Co" </showtitle>',
  channel_id: 'UC\u0001x<y>',
  upload_date: '20240315',
  description: LONG,
  duration: 754,
  channel_description: 'About <b>us</b>',
};

describe('episode nfo', () => {
  const xml = episodeNfo({ info, stem: 'Chan - S2024E031502 - Ends here [abc]', thumbName: 'Chan - S2024E031502 - Ends here [abc]-thumb.jpg' });
  const doc = parseXml(xml);

  it('is valid XML whose fields read back as the metadata, minus what XML cannot hold', () => {
    expect(doc.documentElement.nodeName).toBe('episodedetails');
    expect(field(doc, 'title')).toBe('Ends here </title><script>&amp; "quoted" \'single\' NUL bell [31m 🎬 emoji \u202Eעברית RTL\u202C lone');
    expect(field(doc, 'showtitle')).toBe('Chan & "Co" </showtitle>');
    expect(field(doc, 'plot')).toBe(LONG);
    expect(field(doc, 'plot')!.length).toBeGreaterThan(10_000);
    expect(field(doc, 'aired')).toBe('2024-03-15');
    expect(field(doc, 'premiered')).toBe('2024-03-15');
    expect(field(doc, 'runtime')).toBe('13');
    expect(field(doc, 'thumb')).toBe('Chan - S2024E031502 - Ends here [abc]-thumb.jpg');
    const uid = doc.getElementsByTagName('uniqueid')[0]!;
    expect(uid.getAttribute('type')).toBe('youtube');
    expect(uid.textContent).toBe('abc<&>"\'123');
    // The hostile title did not make elements of its own.
    expect(doc.getElementsByTagName('script').length).toBe(0);
    expect(doc.getElementsByTagName('title').length).toBe(1);
  });

  it('takes season and episode from the media-server file name, else from the date', () => {
    expect(field(doc, 'season')).toBe('2024');
    expect(field(doc, 'episode')).toBe('31502');
    expect(seasonEpisode('plain name', '20231231')).toEqual({ season: '2023', episode: '123101' });
    expect(seasonEpisode('plain name', null)).toBeNull();
  });

  it('leaves out what is unknown and still names the episode', () => {
    const d = parseXml(episodeNfo({ info: { id: 7 }, stem: 'x [7]', thumbName: null }));
    expect(field(d, 'title')).toBe('x [7]');
    for (const n of ['plot', 'aired', 'season', 'runtime', 'thumb', 'showtitle']) expect(d.getElementsByTagName(n).length).toBe(0);
    expect(field(d, 'uniqueid')).toBe('7');
  });
});

describe('tvshow nfo', () => {
  it('names the channel with its id, valid whatever they hold', () => {
    const d = parseXml(tvshowNfo(info, 'poster.jpg'));
    expect(d.documentElement.nodeName).toBe('tvshow');
    expect(field(d, 'title')).toBe('Chan & "Co" </showtitle>');
    expect(field(d, 'plot')).toBe('About <b>us</b>');
    expect(field(d, 'uniqueid')).toBe('UCx<y>');
    expect(field(d, 'thumb')).toBe('poster.jpg');
  });
});

describe('xmlText', () => {
  it('drops what XML 1.0 forbids and keeps every script and emoji', () => {
    expect(xmlText('a\u0000b\u0008c\u000bd\u001fe\ufffe\uffff\uDC00f')).toBe('abcdef');
    expect(xmlText('\t\n\r 😀 中文 عربي')).toBe('\t\n\r 😀 中文 عربي');
    expect(xmlText('<&>"\'')).toBe('&lt;&amp;&gt;&quot;&apos;');
  });
});
