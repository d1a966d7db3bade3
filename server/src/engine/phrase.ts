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

export interface CompiledPhrase<T> {
  source: string;
  words: PatternWord[];
  value: T;
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
export function compilePhrase<T>(source: string, value: T): CompiledPhrase<T> {
  const words: PatternWord[] = [];
  for (const raw of source.trim().split(/\s+/)) {
    const optional = raw.endsWith('?') && raw.length > 1;
    const body = optional ? raw.slice(0, -1) : raw;
    if (body === '*') {
      words.push({ alternatives: null, optional });
      continue;
    }
    const alts = body.split('|').map((alt) => tokenize(alt).map((t) => t.word));
    if (alts.some((a) => a.length === 0)) throw new Error(`"${raw}" has an empty alternative`);
    if (alts.length > 1 && alts.some((a) => a.length > 1)) {
      throw new Error(
        `"${raw}": an alternative must be one word (no hyphens or spaces inside a|b)`,
      );
    }
    if (alts.length === 1 && (alts[0]?.length ?? 0) > 1) {
      // A hyphenated word such as side-effect is a sequence of words.
      for (const w of alts[0] ?? []) words.push({ alternatives: new Set([w]), optional });
      continue;
    }
    words.push({ alternatives: new Set(alts.map((a) => a[0] ?? '')), optional });
  }
  if (words.length === 0) throw new Error('the phrase is empty');
  if (words.length > MAX_PHRASE_WORDS)
    throw new Error(`a phrase has at most ${MAX_PHRASE_WORDS} words`);
  if (words.every((w) => w.optional)) throw new Error('a phrase needs at least one required word');
  return { source, words, value };
}

/** The longest match of one phrase starting at token `from`, as the exclusive end index, or -1. */
function longestAt(words: PatternWord[], tokens: Token[], from: number): number {
  let states = closure(words, new Set([0]));
  let best = states.has(words.length) ? from : -1;
  for (let i = from; i < tokens.length && states.size > 0; i++) {
    const word = tokens[i]?.word ?? '';
    const next = new Set<number>();
    for (const s of states) {
      const w = words[s];
      if (w && (w.alternatives === null || w.alternatives.has(word))) next.add(s + 1);
    }
    states = closure(words, next);
    if (states.has(words.length)) best = i + 1;
  }
  return best > from ? best : -1;
}

function closure(words: PatternWord[], states: Set<number>): Set<number> {
  for (const s of states) {
    // Sets iterate over members added during iteration, which walks chains of optional words.
    if (words[s]?.optional) states.add(s + 1);
  }
  return states;
}

/** A set of phrases indexed by their possible first words, so each sentence is scanned once. */
export class PhraseSet<T> {
  private readonly byFirstWord = new Map<string, CompiledPhrase<T>[]>();
  private readonly anyFirst: CompiledPhrase<T>[] = [];
  readonly size: number;

  constructor(phrases: CompiledPhrase<T>[]) {
    this.size = phrases.length;
    for (const p of phrases) {
      const firsts = firstWords(p.words);
      if (firsts === null) this.anyFirst.push(p);
      else
        for (const w of firsts) {
          const list = this.byFirstWord.get(w) ?? [];
          list.push(p);
          this.byFirstWord.set(w, list);
        }
    }
  }

  /** Every match of every phrase (overlaps included), in order of start. */
  matchAll(tokens: Token[]): PhraseMatch<T>[] {
    const out: PhraseMatch<T>[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const candidates = this.byFirstWord.get(tokens[i]?.word ?? '');
      for (const list of [candidates ?? [], this.anyFirst]) {
        for (const p of list) {
          const last = longestAt(p.words, tokens, i);
          if (last < 0) continue;
          out.push({
            value: p.value,
            phrase: p.source,
            first: i,
            last,
            start: tokens[i]?.start ?? 0,
            end: tokens[last - 1]?.end ?? 0,
          });
        }
      }
    }
    return out;
  }

  test(tokens: Token[]): boolean {
    return this.matchAll(tokens).length > 0;
  }
}

/** The words a phrase can start with, or null when it can start with any word. */
function firstWords(words: PatternWord[]): Set<string> | null {
  const firsts = new Set<string>();
  for (const w of words) {
    if (w.alternatives === null) return null;
    for (const a of w.alternatives) firsts.add(a);
    if (!w.optional) return firsts;
  }
  return null;
}
