// A phrase with its last word cut short is answered from the lines holding the whole words; it must
// give exactly what FTS5's own prefix query gives (the same lines, in the same order).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Db } from '../db/open';
import { migrate } from '../db/migrate';
import { createLibrary, type Library } from './index';
import { phraseQuery } from './subtitles';
import { phraseMatch } from './subtitle-phrase';

const WORDS = ['the', 'then', 'there', 'harbour', 'harbor', 'Über', 'uber', 'café', 'cafe', "don't", 'x-ray', '東京', 'ship', 'shipping', 'a', 'an', 'and'];
let seed = 11;
const rand = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;

let dir: string;
let db: Db;
let library: Library;
const lines: string[] = [];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'vk-phrase-'));
  db = openDatabase(join(dir, 'db.sqlite'), { synchronous: 'NORMAL' });
  migrate(db);
  db.prepare(`INSERT INTO videos (id, site, site_id, title, file_path, source_url, added_at) VALUES ('v1', 'S', '1', 'One', 'x.mp4', 'u1', 1)`).run();
  const add = db.prepare(`INSERT INTO subtitle_lines (video_id, lang, start_ms, text) VALUES ('v1', 'en', ?, ?)`);
  db.transaction(() => {
    for (let i = 0; i < 3000; i++) {
      // Mostly ASCII; now and then a line only FTS5 can judge (東京), which sends the query back to FTS5.
      const text = Array.from({ length: 2 + Math.floor(rand() * 8) }, () => pick(rand() < 0.97 ? WORDS.filter((w) => w !== '東京') : WORDS)).join(pick([' ', ', ', '. ']));
      lines.push(text);
      add.run(i * 1000, text);
    }
  })();
  library = createLibrary({ db, libraryDir: dir, trashDir: null });
});
afterAll(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The truth: FTS5's exact phrase, else its prefix query, as subtitles.ts asked before. */
function truth(query: string, limit: number): number[] {
  const q = phraseQuery(query)!;
  const find = (m: string) => (db.prepare('SELECT l.start_ms FROM subtitle_fts f JOIN subtitle_lines l ON l.id = f.rowid WHERE subtitle_fts MATCH ? LIMIT ?').all(m, limit) as Array<{ start_ms: number }>).map((r) => r.start_ms);
  const exact = find(q.exact);
  return exact.length > 0 || !q.prefix ? exact : find(q.prefix);
}

describe('subtitle phrase with a cut last word', () => {
  it('finds what FTS5 prefix query finds, in the same order', () => {
    let compared = 0;
    // Cut words inside a word, not at its start, must not match ('the he' is not 'the then').
    const fixed = ['the he', 'the ere', 'a hip', 'and ppi', 'the arb', 'uber af', 'the th', 'x ra', 'don t'];
    for (let i = 0; i < 300 + fixed.length; i++) {
      const words = lines[Math.floor(rand() * lines.length)]!.split(/[ ,.]+/).filter(Boolean);
      const at = Math.floor(rand() * Math.max(1, words.length - 2));
      const phrase = words.slice(at, at + 2 + Math.floor(rand() * 2));
      const last = phrase[phrase.length - 1]!;
      if (last.length > 2 && rand() < 0.7) phrase[phrase.length - 1] = last.slice(0, 2 + Math.floor(rand() * (last.length - 2)));
      const query = i < fixed.length ? fixed[i]! : phrase.join(' ');
      for (const limit of [5, 50]) {
        const want = truth(query, limit);
        expect(library.searchSubtitles(query, limit).map((h) => h.startSec * 1000), `${query} (${limit})`).toEqual(want);
        compared += want.length;
      }
    }
    expect(compared).toBeGreaterThan(1000);
  });

  it('tests a line the way unicode61 splits and folds it, and leaves other scripts to FTS5', () => {
    expect(phraseMatch("Don't go, the harbour", ['t', 'go', 'the', 'har'])).toBe(1);
    expect(phraseMatch('ÜBER café', ['uber', 'caf'])).toBe(1);
    expect(phraseMatch('the harbour', ['he', 'harb'])).toBe(0);
    expect(phraseMatch('the harbour', ['the', 'arb'])).toBe(0);
    expect(phraseMatch('the 東京', ['the', 'ha'])).toBeNull();
    // 2: the last word whole somewhere (the exact phrase), even after a cut-only match.
    expect(phraseMatch('the harbour', ['the', 'harbour'])).toBe(2);
    expect(phraseMatch('the harbours, the harbour', ['the', 'harbour'])).toBe(2);
    expect(phraseMatch('the harbours', ['the', 'harbour'])).toBe(1);
  });
});
