/**
 * Phrase patterns from the claim base, compiled to a small token automaton.
 * Matching is linear in the sentence length times the pattern length, whatever the data says:
 * user-supplied patterns never become regular expressions.
 */
import { tokenize, type Token } from './tokens.ts';

interface PatternWord {
  /** null for `*` (any one word). */
  alternatives: ReadonlySet<string> | null;
  optional: boolean;
}

/** A phrase as the claim base writes it, and what a match of it stands for. */
export interface PhraseSource<T> {
  source: string;
  value: T;
}

export interface CompiledPhrase<T> extends PhraseSource<T> {
  words: PatternWord[];
}

export interface PhraseMatch<T> {
  value: T;
  phrase: string;
  /** Token indexes, end exclusive. */
  first: number;
  last: number;
  start: number;
  end: number;
}

export const MAX_PHRASE_WORDS = 12;

/** Throws with a readable reason when the pattern cannot be compiled. */
/** A plain lower-case word is its own only token; it is most of the claim base's words. */
const PLAIN_WORD = /^[a-z0-9]+$/;

function wordsOf(alternative: string): string[] {
  return PLAIN_WORD.test(alternative) ? [alternative] : tokenize(alternative).map((t) => t.word);
}

const rawWordsOf = (source: string): string[] => source.trim().split(/\s+/);

/** The pattern words one space-separated word of a phrase stands for (two for side-effect). */
function patternWords(raw: string): PatternWord[] {
  const optional = raw.endsWith('?') && raw.length > 1;
  const body = optional ? raw.slice(0, -1) : raw;
  if (body === '*') return [{ alternatives: null, optional }];
  const alts = body.split('|').map(wordsOf);
  if (alts.some((a) => a.length === 0)) throw new Error(`"${raw}" has an empty alternative`);
  if (alts.length > 1 && alts.some((a) => a.length > 1)) {
    throw new Error(`"${raw}": an alternative must be one word (no hyphens or spaces inside a|b)`);
  }
  // A hyphenated word such as side-effect is a sequence of words.
  if (alts.length === 1 && (alts[0]?.length ?? 0) > 1)
    return (alts[0] ?? []).map((w) => ({ alternatives: new Set([w]), optional }));
  return [{ alternatives: new Set(alts.map((a) => a[0] ?? '')), optional }];
}

export function compilePhrase<T>(source: string, value: T): CompiledPhrase<T> {
  const words = rawWordsOf(source).flatMap(patternWords);
  if (words.length === 0) throw new Error('the phrase is empty');
  if (words.length > MAX_PHRASE_WORDS)
    throw new Error(`a phrase has at most ${MAX_PHRASE_WORDS} words`);
  if (words.every((w) => w.optional)) throw new Error('a phrase needs at least one required word');
  return { source, words, value };
}

/**
 * A phrase ready for matching. At most MAX_PHRASE_WORDS words, so the automaton's state set fits
 * in the bits of one number: matching allocates nothing (this runs for every token of every
 * sentence, for every lexicon category and rule).
 *
 * Compiled on first use (`ready`): only its first words are read up front, to file it under
 * them. A draft holds the first words of a fifth to a third of the claim base's 1,300 phrases,
 * and compiling all of them was a quarter of the CLI's start-up on one small draft.
 */
interface Matcher<T> {
  phrase: PhraseSource<T>;
  /** Undefined until the phrase is first tried. */
  words: PatternWord[] | undefined;
  /** Bit s set when word s may be skipped. */
  optional: number;
  /** No optional words and no `*`: one fixed sequence, checked word by word. */
  fixed: boolean;
}

function matcher<T>(phrase: PhraseSource<T>): Matcher<T> {
  return { phrase, words: undefined, optional: 0, fixed: false };
}

function ready<T>(m: Matcher<T>): PatternWord[] {
  if (m.words !== undefined) return m.words;
  const words = compilePhrase(m.phrase.source, null).words;
  words.forEach((w, s) => {
    if (w.optional) m.optional |= 1 << s;
  });
  m.fixed = words.every((w) => !w.optional && w.alternatives !== null);
  m.words = words;
  return words;
}

/** The longest match of one phrase starting at token `from`, as the exclusive end index, or -1. */
function longestAt<T>(m: Matcher<T>, tokens: Token[], from: number): number {
  const words = m.words ?? ready(m);
  const n = words.length;
  if (m.fixed) {
    if (from + n > tokens.length) return -1;
    for (let k = 0; k < n; k++)
      if (!words[k]?.alternatives?.has(tokens[from + k]?.word ?? '')) return -1;
    return from + n;
  }
  const accept = 1 << n;
  let states = closure(m.optional, n, 1);
  let best = states & accept ? from : -1;
  for (let i = from; i < tokens.length && states !== 0; i++) {
    const word = tokens[i]?.word ?? '';
    let next = 0;
    for (let s = 0; s < n; s++) {
      if ((states & (1 << s)) === 0) continue;
      const alternatives = words[s]?.alternatives;
      if (alternatives === null || alternatives?.has(word)) next |= 1 << (s + 1);
    }
    states = closure(m.optional, n, next);
    if (states & accept) best = i + 1;
  }
  return best > from ? best : -1;
}

/** Adds the states reachable by skipping optional words (in increasing order, so chains too). */
function closure(optional: number, n: number, states: number): number {
  for (let s = 0; s < n; s++) {
    if (states & optional & (1 << s)) states |= 1 << (s + 1);
  }
  return states;
}

/** A set of phrases indexed by their possible first words, so each sentence is scanned once. */
export class PhraseSet<T> {
  /** Read by PhraseSetGroup only. */
  readonly byFirstWord = new Map<string, Matcher<T>[]>();
  readonly anyFirst: Matcher<T>[] = [];
  readonly size: number;

  constructor(phrases: PhraseSource<T>[]) {
    this.size = phrases.length;
    for (const p of phrases) {
      const m = matcher(p);
      const firsts = firstWords(p.source);
      if (firsts === null) this.anyFirst.push(m);
      else
        for (const w of firsts) {
          const list = this.byFirstWord.get(w) ?? [];
          list.push(m);
          this.byFirstWord.set(w, list);
        }
    }
  }

  /** Every match of every phrase (overlaps included), in order of start. */
  matchAll(tokens: Token[]): PhraseMatch<T>[] {
    const out: PhraseMatch<T>[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const candidates = this.byFirstWord.get(tokens[i]?.word ?? '');
      if (candidates) collect(candidates, tokens, i, out);
      if (this.anyFirst.length > 0) collect(this.anyFirst, tokens, i, out);
    }
    return out;
  }

  /** Whether any phrase matches anywhere; stops at the first match. */
  test(tokens: Token[]): boolean {
    // Loops, not `some` with closures: this runs per token of most sentences, several times.
    for (let i = 0; i < tokens.length; i++) {
      const candidates = this.byFirstWord.get(tokens[i]?.word ?? '');
      if (candidates && anyAt(candidates, tokens, i)) return true;
      if (this.anyFirst.length > 0 && anyAt(this.anyFirst, tokens, i)) return true;
    }
    return false;
  }
}

/** A phrase of a group, with the index of the set it came from. */
interface GroupEntry<T> {
  set: number;
  matcher: Matcher<T>;
}

/**
 * Several phrase sets scanned in one pass, one word lookup per token instead of one per set.
 * Each set's matches come out exactly as its own matchAll would return them.
 */
export class PhraseSetGroup<T> {
  private readonly byFirstWord = new Map<string, FirstWordEntries<T>>();
  private readonly anyFirst: GroupEntry<T>[] = [];
  private readonly count: number;

  constructor(sets: PhraseSet<T>[]) {
    this.count = sets.length;
    const byFirst = new Map<string, GroupEntry<T>[]>();
    sets.forEach((phraseSet, set) => {
      for (const [word, list] of phraseSet.byFirstWord) {
        const entries = byFirst.get(word) ?? [];
        for (const matcher of list) entries.push({ set, matcher });
        byFirst.set(word, entries);
      }
      for (const matcher of phraseSet.anyFirst) this.anyFirst.push({ set, matcher });
    });
    for (const [word, entries] of byFirst)
      this.byFirstWord.set(word, { entries, bySecond: undefined, anySecond: undefined });
  }

  /**
   * The matches of each set, in the order of the sets given to the constructor; undefined for a
   * set without any (most sets, in most sentences: no array is made for them).
   */
  matchAll(tokens: Token[]): (PhraseMatch<T>[] | undefined)[] {
    const out = new Array<PhraseMatch<T>[] | undefined>(this.count);
    for (let i = 0; i < tokens.length; i++) {
      const first = this.byFirstWord.get(tokens[i]?.word ?? '');
      if (first) {
        const bySecond = first.bySecond ?? narrowBySecondWord(first);
        collectInto(
          out,
          bySecond.get(tokens[i + 1]?.word ?? '') ?? first.anySecond ?? [],
          tokens,
          i,
        );
      }
      if (this.anyFirst.length > 0) collectInto(out, this.anyFirst, tokens, i);
    }
    return out;
  }
}

/**
 * The phrases that start with one word, narrowed by the word after it: "in" starts 33 of them,
 * and nine in ten of the phrases tried after a first word failed on the second. Narrowed when a
 * sentence first has the word, which compiles its phrases.
 */
interface FirstWordEntries<T> {
  entries: GroupEntry<T>[];
  /** For each word a phrase can have second: the phrases still possible, in their order. */
  bySecond: Map<string, GroupEntry<T>[]> | undefined;
  /** The phrases possible whatever comes second (one word, or optional words or `*`). */
  anySecond: GroupEntry<T>[] | undefined;
}

function narrowBySecondWord<T>(first: FirstWordEntries<T>): Map<string, GroupEntry<T>[]> {
  const { entries } = first;
  const secondOf = (e: GroupEntry<T>) => {
    const words = ready(e.matcher);
    return e.matcher.fixed && words.length > 1 ? words[1]?.alternatives : undefined;
  };
  const seconds = new Set<string>();
  for (const e of entries) for (const w of secondOf(e) ?? []) seconds.add(w);
  const bySecond = new Map<string, GroupEntry<T>[]>();
  for (const w of seconds)
    bySecond.set(
      w,
      entries.filter((e) => secondOf(e)?.has(w) ?? true),
    );
  first.anySecond = entries.filter((e) => !secondOf(e));
  first.bySecond = bySecond;
  return bySecond;
}

/*
 * The scans below run for every token of every sentence. Indexed loops, not `for…of`: in a
 * short CLI run most of them run before V8 optimizes them, where each `for…of` makes an
 * iterator (a tenth of the scan's time there).
 */

function collectInto<T>(
  out: (PhraseMatch<T>[] | undefined)[],
  entries: GroupEntry<T>[],
  tokens: Token[],
  i: number,
): void {
  for (let e = 0; e < entries.length; e++) {
    const entry = entries[e] as GroupEntry<T>;
    const last = longestAt(entry.matcher, tokens, i);
    if (last >= 0) (out[entry.set] ??= []).push(matchAt(entry.matcher, tokens, i, last));
  }
}

function collect<T>(list: Matcher<T>[], tokens: Token[], i: number, out: PhraseMatch<T>[]): void {
  for (let k = 0; k < list.length; k++) {
    const m = list[k] as Matcher<T>;
    const last = longestAt(m, tokens, i);
    if (last >= 0) out.push(matchAt(m, tokens, i, last));
  }
}

function anyAt<T>(list: Matcher<T>[], tokens: Token[], i: number): boolean {
  for (let k = 0; k < list.length; k++)
    if (longestAt(list[k] as Matcher<T>, tokens, i) >= 0) return true;
  return false;
}

function matchAt<T>(m: Matcher<T>, tokens: Token[], first: number, last: number): PhraseMatch<T> {
  return {
    value: m.phrase.value,
    phrase: m.phrase.source,
    first,
    last,
    start: tokens[first]?.start ?? 0,
    end: tokens[last - 1]?.end ?? 0,
  };
}

/**
 * The first words of phrases that open with the same required word, made once. Bounded, for a
 * server that loads one claim base after another.
 */
const firstsOfRawWord = new Map<string, ReadonlySet<string> | null>();
const MAX_RAW_WORDS = 10_000;

/**
 * The words a phrase can start with, or null when it can start with any word. Reads only the
 * phrase's first words, up to the first one it cannot skip: most often just the first.
 */
function firstWords(source: string): ReadonlySet<string> | null {
  const head = leadingRawWord(source);
  if (!head.endsWith('?')) {
    let firsts = firstsOfRawWord.get(head);
    if (firsts === undefined) {
      firsts = patternWords(head)[0]?.alternatives ?? null;
      if (firstsOfRawWord.size >= MAX_RAW_WORDS) firstsOfRawWord.clear();
      firstsOfRawWord.set(head, firsts);
    }
    return firsts;
  }
  const firsts = new Set<string>();
  for (const raw of rawWordsOf(source))
    for (const w of patternWords(raw)) {
      if (w.alternatives === null) return null;
      for (const a of w.alternatives) firsts.add(a);
      if (!w.optional) return firsts;
    }
  return null;
}

function leadingRawWord(source: string): string {
  const text = source.trim();
  const end = text.search(/\s/);
  return end < 0 ? text : text.slice(0, end);
}
