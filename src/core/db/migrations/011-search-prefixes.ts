// Owned by src/core/library/search.ts. The search box sends every word as a prefix as it is typed
// ('lazy gu'). FTS5 answers a prefix with a prefix index of that exact length by walking one
// doclist, stopping at the read cap; without one it first merges every term the prefix starts into
// a doclist of the whole library. Indexes for prefixes of 1-8 characters (most typed words) halve a
// two-word query at a million videos (~40 -> ~20 ms, measured) for ~60 % more index. FTS5 cannot
// change prefixes in place: the index is built again from the videos table (its content table).
export default /* sql */ `
DROP TABLE videos_fts;
CREATE VIRTUAL TABLE videos_fts USING fts5 (
  title, uploader, description,
  content = 'videos', content_rowid = 'rowid',
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '1 2 3 4 5 6 7 8'
);
INSERT INTO videos_fts (videos_fts) VALUES ('rebuild');
INSERT INTO videos_fts (videos_fts) VALUES ('optimize');
`;
