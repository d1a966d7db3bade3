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
  return word.toLowerCase().replace(/’/g, "'");
}

export function tokenize(text: string, base = 0): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(WORD)) {
    const start = base + (m.index ?? 0);
    tokens.push({ word: normaliseWord(m[0]), start, end: start + m[0].length });
  }
  return tokens;
}
