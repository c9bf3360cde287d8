import { describe, expect, it } from 'vitest';
import { containerSupport, embedFailure, unsupportedNotes } from './embed-support';

const failed = { reason: 'exit', exitCode: 1, stderr: 'ERROR: Postprocessing: Supported filetypes for thumbnail embedding are: mp3, mkv/mka', downloaded: '/lib/a.webm', openPostprocessor: 'EmbedThumbnail' };

describe('containerSupport', () => {
  it('knows which containers hold a cover and subtitles', () => {
    expect(containerSupport('mp4')).toEqual({ cover: true, subtitles: true });
    expect(containerSupport('MKV')).toEqual({ cover: true, subtitles: true });
    expect(containerSupport('m4a')).toEqual({ cover: true, subtitles: true });
    expect(containerSupport('mp3')).toEqual({ cover: true, subtitles: false });
    expect(containerSupport('webm')).toEqual({ cover: false, subtitles: true });
    expect(containerSupport('flv')).toEqual({ cover: false, subtitles: false });
  });

  it('notes what the file cannot hold', () => {
    expect(unsupportedNotes({ ext: 'webm', hasThumbnail: true, subtitles: true })).toEqual(['embed-no-cover']);
    expect(unsupportedNotes({ ext: 'mp3', hasThumbnail: true, subtitles: true })).toEqual(['embed-no-subtitles']);
    expect(unsupportedNotes({ ext: 'webm', hasThumbnail: false, subtitles: false })).toEqual([]);
  });
});

describe('embedFailure', () => {
  it('keeps the downloaded file when only an embedding step failed', () => {
    expect(embedFailure(failed, [])).toEqual({ file: '/lib/a.webm', notes: ['embed-no-cover'] });
    expect(embedFailure({ ...failed, openPostprocessor: 'FFmpegMetadata' }, [])?.notes).toEqual(['embed-no-metadata', 'embed-no-cover']);
  });

  it('is a real failure otherwise', () => {
    expect(embedFailure({ ...failed, exitCode: 0 }, [])).toBeNull();
    expect(embedFailure({ ...failed, reason: 'aborted' }, [])).toBeNull();
    expect(embedFailure({ ...failed, downloaded: null }, [])).toBeNull();
    expect(embedFailure({ ...failed, openPostprocessor: 'Merger' }, [])).toBeNull();
    expect(embedFailure({ ...failed, openPostprocessor: null }, [])).toBeNull();
    expect(embedFailure({ ...failed, stderr: 'ERROR: unable to download video data: HTTP Error 404' }, [])).toBeNull();
    // SponsorBlock cuts run after the subtitle step: losing them would keep segments the user removed.
    expect(embedFailure({ ...failed, openPostprocessor: 'FFmpegEmbedSubtitle' }, ['--sponsorblock-remove', 'sponsor'])).toBeNull();
    expect(embedFailure({ ...failed, openPostprocessor: 'FFmpegEmbedSubtitle' }, [])?.notes).toContain('embed-no-subtitles');
  });
});
