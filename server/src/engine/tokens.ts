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
  return tokenizeAscii(text, base) ?? tokenizeUnicode(text, base);
}

/** The definition: every WORD match. `tokenize` gives the same tokens faster for most text. */
export function tokenizeUnicode(text: string, base = 0): Token[] {
  const tokens: Token[] = [];
  // exec on the shared global regex instead of matchAll, which clones it on every call.
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m !== null; m = WORD.exec(text)) {
    const start = base + m.index;
    tokens.push({ word: intern(normaliseWord(m[0])), start, end: start + m[0].length });
  }
  return tokens;
}

const APOSTROPHE = 0x27;
const RIGHT_QUOTE = 0x2019;

/** ASCII letters and digits: what WORD's classes hold below U+0080. */
function isAsciiWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
}

/**
 * `tokenizeUnicode` for text whose only non-ASCII character is ’, without the regex (most
 * sentences): the same tokens, or undefined as soon as another non-ASCII character shows up.
 */
function tokenizeAscii(text: string, base: number): Token[] | undefined {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c >= 0x80 && c !== RIGHT_QUOTE) return undefined;
    if (!isAsciiWordChar(c)) {
      i++;
      continue;
    }
    const start = i;
    let upper = false;
    let curly = false;
    for (;;) {
      const d = text.charCodeAt(i);
      if (isAsciiWordChar(d)) {
        if (d <= 90 && d >= 65) upper = true;
        i++;
        continue;
      }
      if (d !== APOSTROPHE && d !== RIGHT_QUOTE) break;
      const next = text.charCodeAt(i + 1);
      if (!isAsciiWordChar(next)) break;
      if (d === RIGHT_QUOTE) curly = true;
      i++;
    }
    const raw = text.slice(start, i);
    const word = upper || curly ? normaliseWord(raw) : raw;
    tokens.push({ word: intern(word), start: base + start, end: base + i });
  }
  return tokens;
}
