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

export function tokenize(text: string, base = 0): Token[] {
  const tokens: Token[] = [];
  // exec on the shared global regex instead of matchAll, which clones it on every call.
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m !== null; m = WORD.exec(text)) {
    const start = base + m.index;
    tokens.push({ word: normaliseWord(m[0]), start, end: start + m[0].length });
  }
  return tokens;
}
