/** Splits a segment's text into sentences (start/end in the segment's text, trimmed). */

const ABBREVIATIONS = new Set([
  'e.g',
  'i.e',
  'etc',
  'vs',
  'dr',
  'mr',
  'mrs',
  'ms',
  'prof',
  'al',
  'fig',
  'approx',
  'st',
  'u.s',
  'u.k',
  'mg',
  'inc',
  'ltd',
  'jr',
  'sr',
  'ph.d',
  'm.d',
  'cf',
  'vol',
  'ed',
  'eds',
  'pp',
  'ca',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
]);

/** `.`, `!`, `?` and `…`, by code. */
function isTerminator(code: number): boolean {
  return code === 46 || code === 33 || code === 63 || code === 0x2026;
}

/** The same characters, for finding the next one natively instead of testing every character. */
const TERMINATOR = /[.!?…]/g;
const CLOSERS = new Set(['"', "'", '”', '’', ')', ']', '*', '_']);

export interface Span {
  start: number;
  end: number;
}

export function splitSentences(text: string): Span[] {
  const spans: Span[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    TERMINATOR.lastIndex = i;
    const found = TERMINATOR.exec(text);
    if (found === null) break;
    i = found.index;
    const c = text.charCodeAt(i);
    let end = i + 1;
    while (
      end < text.length &&
      (isTerminator(text.charCodeAt(end)) || CLOSERS.has(text[end] ?? ''))
    )
      end++;
    // A boundary needs whitespace (or the end) after it, and what follows must look like a new sentence.
    // Those two tests give the same answer for every terminator of the run, so a failed test
    // skips the run: rescanning it from each of its characters is quadratic ("....…" × 100k).
    if (end < text.length && !/\s/.test(text[end] ?? '')) {
      i = end - 1;
      continue;
    }
    if (c === 46 /* . */ && isAbbreviation(text, i)) continue;
    let next = end;
    while (next < text.length && /\s/.test(text[next] ?? '')) next++;
    if (next < text.length && /[a-z]/.test(text[next] ?? '')) {
      i = Math.max(i, next - 1);
      continue;
    }
    push(spans, text, start, end);
    start = end;
    i = end - 1;
  }
  push(spans, text, start, text.length);
  return spans;
}

/** `[A-Za-z.]`, by code. */
function isLetterOrDot(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || code === 46;
}

/** No abbreviation is longer than this; looking further back only costs time. */
const LONGEST_ABBREVIATION = 12;

function isAbbreviation(text: string, dot: number): boolean {
  let from = dot;
  while (from > 0 && dot - from < LONGEST_ABBREVIATION && isLetterOrDot(text.charCodeAt(from - 1)))
    from--;
  const word = text.slice(from, dot).toLowerCase();
  if (word.length === 1 && /[a-z]/.test(word)) return true; // initials: "J. Smith"
  return ABBREVIATIONS.has(word);
}

/**
 * Longer "sentences" are pasted data, not prose. Rules compare every match in a sentence with
 * every other mention, so their work grows with the square of its length: such text is checked
 * in pieces of at most this many characters, cut at whitespace where there is some.
 */
export const MAX_SENTENCE_LENGTH = 2000;

function push(spans: Span[], text: string, start: number, end: number): void {
  while (start < end && /\s/.test(text[start] ?? '')) start++;
  while (end > start && /\s/.test(text[end - 1] ?? '')) end--;
  while (end - start > MAX_SENTENCE_LENGTH) {
    const cut = cutPoint(text, start);
    push(spans, text, start, cut);
    start = cut;
    while (start < end && /\s/.test(text[start] ?? '')) start++;
  }
  if (end > start) spans.push({ start, end });
}

/** The last whitespace in the second half of the window, or the window's end on a code point. */
function cutPoint(text: string, start: number): number {
  const limit = start + MAX_SENTENCE_LENGTH;
  for (let i = limit; i > start + MAX_SENTENCE_LENGTH / 2; i--)
    if (/\s/.test(text[i] ?? '')) return i;
  const high = text.charCodeAt(limit - 1);
  return high >= 0xd800 && high <= 0xdbff ? limit - 1 : limit;
}
