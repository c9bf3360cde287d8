/**
 * The search box's match rule (every word a prefix of some word of the title, uploader or
 * description), tested on one row's own text. A broad query at a million rows cannot afford FTS5
 * per row (each probe re-reads whole doclists, ~1 ms) nor collecting every match (hundreds of
 * thousands) before sorting; walking the sort index and testing each row's text finds a page of
 * matches in a few thousand cheap tests.
 *
 * It must agree with FTS5's unicode61 tokenizer (remove_diacritics 2) exactly, and only some text is
 * certain: ASCII, where unicode61 splits on anything but [A-Za-z0-9] and folds case, and the Latin
 * letters of U+00C0-U+017F, which it folds to their base letter as canonical decomposition does
 * ('Über' -> 'uber'). For any other text the answer is null, and the SQL asks FTS5 about that row
 * instead (see search.ts).
 */
import type { Db } from '../db/open';

export const WORD_MATCH_FN = 'vk_words_match';

const ASCII = /^[\p{ASCII}]*$/u;
/** Latin-1 Supplement and Latin Extended-A letters (not × and ÷, which are separators). */
const LATIN = /^[\p{ASCII}\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u017f]*$/u;
const MARKS = /\p{M}/gu;
const ALNUM = /[A-Za-z0-9]/;

/** The query's words as FTS5 would see them when every one is ASCII; null otherwise. */
export function asciiWords(words: readonly string[]): string[] | null {
  return words.every((w) => ASCII.test(w) && /^[A-Za-z0-9]+$/.test(w)) ? words.map((w) => w.toLowerCase()) : null;
}

/** 1 when every word starts a word of the text, 0 when one does not, null when only FTS5 can tell (non-ASCII). */
export function wordsMatch(text: string, words: readonly string[]): 0 | 1 | null {
  let hay = text;
  if (!ASCII.test(hay)) {
    if (!LATIN.test(hay)) return null;
    hay = hay.normalize('NFD').replace(MARKS, '');
    // What does not decompose to ASCII (ß, æ, ø, đ, ł, œ…) unicode61 keeps or folds its own way.
    if (!ASCII.test(hay)) return null;
  }
  hay = hay.toLowerCase();
  for (const w of words) {
    let found = false;
    for (let at = hay.indexOf(w); at !== -1; at = hay.indexOf(w, at + 1)) {
      if (at === 0 || !ALNUM.test(hay[at - 1]!)) {
        found = true;
        break;
      }
    }
    if (!found) return 0;
  }
  return 1;
}

/**
 * Registers `vk_words_match(title, uploader, description, words)` on the connection: `words` is the
 * query's ASCII words joined by spaces (asciiWords). Deterministic, so SQLite may factor it.
 */
export function registerWordMatch(db: Db): void {
  let lastKey = '';
  let last: string[] = [];
  db.function(WORD_MATCH_FN, { deterministic: true }, (title: unknown, uploader: unknown, description: unknown, words: unknown) => {
    if (typeof words !== 'string') return null;
    if (words !== lastKey) {
      lastKey = words;
      last = words.split(' ').filter(Boolean);
    }
    // A space cannot be part of a word, so joining keeps the columns' words apart.
    const text = `${typeof title === 'string' ? title : ''} ${typeof uploader === 'string' ? uploader : ''} ${typeof description === 'string' ? description : ''}`;
    return wordsMatch(text, last);
  });
}
