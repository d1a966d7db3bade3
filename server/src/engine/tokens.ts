/** Word tokens with their offsets in the sentence text; the unit every matcher works on. */
export interface Token {
  /** Lower-cased, with typographic apostrophes folded to '. */
  word: string;
  start: number;
  end: number;
}

// Letters, digits and marks, with apostrophes allowed inside a word (don't, patient’s).
const WORD = /[\p{L}\p{N}\p{M}]+(?:['’][\p{L}\p{N}\p{M}]+)*/gu;

export function normaliseWord(word: string): string {
  const lower = word.toLowerCase();
  // Most words have no typographic apostrophe: skip the replace (tokenize is a hot path).
  return lower.includes('’') ? lower.replace(/’/g, "'") : lower;
}

/**
 * One string per distinct word: an editor keeps the tokens of every sentence of a document, and
 * 170,000 words of a 1 MB draft are a few thousand distinct ones. Bounded, for long sessions.
 */
const words = new Map<string, string>();
const MAX_WORDS = 50_000;

function intern(word: string): string {
  const known = words.get(word);
  if (known !== undefined) return known;
  if (words.size >= MAX_WORDS) words.clear();
  words.set(word, word);
  return word;
}

export function tokenize(text: string, base = 0): Token[] {
  const tokens: Token[] = [];
  // exec on the shared global regex instead of matchAll, which clones it on every call.
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m !== null; m = WORD.exec(text)) {
    const start = base + m.index;
    tokens.push({ word: intern(normaliseWord(m[0])), start, end: start + m[0].length });
  }
  return tokens;
}
