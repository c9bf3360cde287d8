// Owned by the library (src/core/library/identity.ts).
// Video ids used to be a hash of site and id, so any web page could compute the id of a video it
// guessed you keep and probe for it. Every video gets a random id; the job history follows.
// A generic video (a direct link) was stored under yt-dlp's id, which is only its file name and the
// same on every host: it is stored under its link now, like new ones.
export default /* sql */ `
CREATE TEMP TABLE video_rekey (old_id TEXT PRIMARY KEY, new_id TEXT NOT NULL UNIQUE) WITHOUT ROWID;
INSERT INTO video_rekey (old_id, new_id) SELECT id, lower(hex(randomblob(12))) FROM videos;
UPDATE videos SET id = (SELECT new_id FROM video_rekey WHERE old_id = videos.id);

UPDATE jobs SET result = json_set(result, '$.videoId', (SELECT new_id FROM video_rekey WHERE old_id = json_extract(jobs.result, '$.videoId')))
  WHERE json_valid(result) AND json_type(result, '$.videoId') = 'text'
    AND json_extract(result, '$.videoId') IN (SELECT old_id FROM video_rekey);
UPDATE jobs SET result = json_set(result, '$.alreadyKept', (SELECT new_id FROM video_rekey WHERE old_id = json_extract(jobs.result, '$.alreadyKept')))
  WHERE json_valid(result) AND json_type(result, '$.alreadyKept') = 'text'
    AND json_extract(result, '$.alreadyKept') IN (SELECT old_id FROM video_rekey);
DROP TABLE video_rekey;

-- OR IGNORE: should two old rows share a link, the second keeps its old site id rather than fail.
UPDATE OR IGNORE videos SET site_id = source_url WHERE lower(site) = 'generic';
`;
