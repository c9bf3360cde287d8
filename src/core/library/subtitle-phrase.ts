/**
 * An as-you-type phrase whose last word is cut short ('bodorro dor'), without FTS5's prefix query:
 * subtitle_fts has no prefix index, so `"… dor"*` merges the lists of every word starting 'dor' —
 * millions of entries for a common start, seconds per keystroke at 20 million lines. Instead FTS5
 * finds the lines holding the whole words (an exact phrase skips along its rarest word), and each
 * line's own text is tested for the cut word right after them. Lines come in the same order
 * (rowid), so the answer is the prefix query's, only sooner.
 *
 * The test must agree with FTS5's unicode61 tokenizer (remove_diacritics 2); like word-match.ts it
 * only answers for text it is sure of (ASCII and the Latin letters of U+00C0-U+017F) and returns
 * null otherwise, and then the caller asks FTS5.
 */
const ASCII = /^[\p{ASCII}]*$/u;
const LATIN = /^[\p{ASCII}\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u017f]*$/u;
const MARKS = /\p{M}/gu;

/** unicode61's tokens of `text`, when certain; null otherwise. */
export function latinTokens(text: string): string[] | null {
  let t = text;
  if (!ASCII.test(t)) {
    if (!LATIN.test(t)) return null;
    t = t.normalize('NFD').replace(MARKS, '');
    if (!ASCII.test(t)) return null;
  }
  return t.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
}

/**
 * 1 when `words` appear in a row in the text, the last as a prefix; 2 when also as a whole word
 * somewhere (the exact phrase); 0 when not; null when only FTS5 can tell.
 */
export function phraseMatch(text: string, words: readonly string[]): 0 | 1 | 2 | null {
  const tokens = latinTokens(text);
  if (!tokens) return null;
  const n = words.length;
  let found: 0 | 1 = 0;
  for (let i = 0; i + n <= tokens.length; i++) {
    let k = 0;
    while (k < n - 1 && tokens[i + k] === words[k]) k++;
    if (k === n - 1 && tokens[i + k]!.startsWith(words[n - 1]!)) {
      if (tokens[i + k]!.length === words[n - 1]!.length) return 2;
      found = 1;
    }
  }
  return found;
}

/** The query's words as FTS5 sees them, when certain: at least two, each one token. */
export function phraseWords(words: readonly string[]): string[] | null {
  if (words.length < 2) return null;
  const out: string[] = [];
  for (const w of words) {
    const t = latinTokens(w);
    if (!t || t.length !== 1) return null;
    out.push(t[0]!);
  }
  return out;
}
