/** Word tokens with their offsets in the sentence text; the unit every matcher works on. */
export interface Token {
  /** Lower-cased, with typographic apostrophes folded to '. */
  word: string;
  start: number;
  end: number;
}

/**
 * Letters, digits and marks, with apostrophes allowed inside a word (don't, patient’s). Made on
 * first use: V8 builds its Unicode classes when the regular expression is created (~12 M
 * instructions, a tenth of the CLI's own start-up), and tokenizeAscii reads most sentences
 * without it.
 */
let word: RegExp | undefined;
const wordPattern = (): RegExp => (word ??= /[\p{L}\p{N}\p{M}]+(?:['’][\p{L}\p{N}\p{M}]+)*/gu);

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

/** The definition: every word pattern match. `tokenize` gives the same tokens faster for most text. */
export function tokenizeUnicode(text: string, base = 0): Token[] {
  const tokens: Token[] = [];
  // exec on the shared global regex instead of matchAll, which clones it on every call.
  const pattern = wordPattern();
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    const start = base + m.index;
    tokens.push({ word: intern(normaliseWord(m[0])), start, end: start + m[0].length });
  }
  return tokens;
}

const APOSTROPHE = 0x27;
const RIGHT_QUOTE = 0x2019;

/** What each ASCII character is to a word (the word pattern's classes below U+0080: letters and digits). */
const OUTSIDE = 0;
const LOWER_OR_DIGIT = 1;
const UPPER = 2;
const ASCII_KIND = new Uint8Array(128);
for (let c = 48; c <= 57; c++) ASCII_KIND[c] = LOWER_OR_DIGIT;
for (let c = 97; c <= 122; c++) ASCII_KIND[c] = LOWER_OR_DIGIT;
for (let c = 65; c <= 90; c++) ASCII_KIND[c] = UPPER;

/** The kind of the character code `c`, OUTSIDE for anything not ASCII. */
const kindOf = (c: number): number => (c < 0x80 ? (ASCII_KIND[c] as number) : OUTSIDE);

/**
 * `tokenizeUnicode` for text whose only non-ASCII character is ’, without the regex (most
 * sentences): the same tokens, or undefined as soon as another non-ASCII character shows up.
 * One table lookup per character, inline: in a short CLI run this loop runs before V8 optimizes
 * it, where a call per character made tokenizing cost 1.6 times as much.
 */
function tokenizeAscii(text: string, base: number): Token[] | undefined {
  const tokens: Token[] = [];
  const length = text.length;
  let i = 0;
  while (i < length) {
    const c = text.charCodeAt(i);
    if (c >= 0x80) {
      if (c !== RIGHT_QUOTE) return undefined;
      i++;
      continue;
    }
    const kind = ASCII_KIND[c] as number;
    if (kind === OUTSIDE) {
      i++;
      continue;
    }
    const start = i;
    // Already lower-case, with no ’ to fold: the word is the text as it stands.
    let plain = kind === LOWER_OR_DIGIT;
    for (i++; i < length; i++) {
      const d = text.charCodeAt(i);
      const k = d < 0x80 ? (ASCII_KIND[d] as number) : OUTSIDE;
      if (k !== OUTSIDE) {
        if (k === UPPER) plain = false;
        continue;
      }
      // An apostrophe joins two words' characters (don't, patient’s), nothing else.
      if ((d !== APOSTROPHE && d !== RIGHT_QUOTE) || kindOf(text.charCodeAt(i + 1)) === OUTSIDE)
        break;
      if (d === RIGHT_QUOTE) plain = false;
    }
    const raw = text.slice(start, i);
    tokens.push({
      word: intern(plain ? raw : normaliseWord(raw)),
      start: base + start,
      end: base + i,
    });
  }
  return tokens;
}
