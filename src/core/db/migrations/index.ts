import init from './001-init';
import queue from './002-queue';
import library from './003-library';
import subscriptions from './004-subscriptions';
import videoIds from './005-video-ids';
import crashEvidence from './006-crash-evidence';
import clips from './007-clips';
import watch from './008-watch';
import libraryMoves from './009-library-moves';
import importRoots from './010-import';
import searchPrefixes from './011-search-prefixes';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** In order. Never edit a shipped migration: add the next number. */
export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'init', sql: init },
  { version: 2, name: 'queue', sql: queue },
  { version: 3, name: 'library', sql: library },
  { version: 4, name: 'subscriptions', sql: subscriptions },
  { version: 5, name: 'video-ids', sql: videoIds },
  { version: 6, name: 'crash-evidence', sql: crashEvidence },
  { version: 7, name: 'clips', sql: clips },
  { version: 8, name: 'watch', sql: watch },
  { version: 9, name: 'library-moves', sql: libraryMoves },
  { version: 10, name: 'import', sql: importRoots },
  { version: 11, name: 'search-prefixes', sql: searchPrefixes },
];
