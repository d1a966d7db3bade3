/**
 * Turns a sentence into the features every rule reads: what treatment, route, condition and
 * effect it names, and whether it is negated, hedged, asked, attributed, quoted or cited.
 */
import type { LexiconCategory, Trigger } from '../knowledge/schema.ts';
import type { KnowledgeIndex, TermRef } from './knowledge-index.ts';
import type { PhraseMatch } from './phrase.ts';
import type { Segment } from './prose.ts';
import type { Span } from './sentences.ts';
import { findFigures, type Figure } from './figures.ts';
import { NONE } from './none.ts';
import { tokenize, type Token } from './tokens.ts';

export type Mention = PhraseMatch<TermRef>;

export interface Sentence {
  /** Position in the document, from 0. */
  index: number;
  segment: Segment;
  /** Span in the segment's text. */
  start: number;
  end: number;
  text: string;
  tokens: Token[];
  heading: boolean;
  question: boolean;
  cited: boolean;
  /** In a blockquote: somebody else's words. */
  blockquote: boolean;
  quotes: Span[];
  mentions: Record<LexiconCategory, Mention[]>;
  /** Treatments named in this sentence or, through "it"/"this treatment", earlier on. */
  treatments: string[];
  /** Treatments named earlier that this sentence refers back to ("it", "the treatment"). */
  carried: string[];
  /** Names a treatment, a route or a therapy noun: the sentence is about treatment. */
  onTreatment: boolean;
  /** Percentages and "N in M" figures in the sentence (spans in the segment's text). */
  figures: Figure[];
  /**
   * The sentence scan's matches of each rule's triggers (at its `kb.triggerSlots` index) and of
   * each recogniser's groups (at its `slots`); undefined: none. Shared and empty for the many
   * sentences without any; readers must not change the lists.
   */
  scanMatches: readonly (PhraseMatch<Trigger | null>[] | undefined)[];
}

const CONTRAST_WORDS = new Set(['but', 'however', 'although', 'though', 'whereas', 'yet']);

export function analyseSentence(
  kb: KnowledgeIndex,
  segment: Segment,
  span: Span,
  index: number,
  earlierTreatments: readonly string[],
): Sentence {
  // Shared with nobody yet: finished in place, not copied as a cached sentence must be.
  return finish(analyseLocally(kb, segment, span), index, earlierTreatments);
}

/**
 * Everything about a sentence that its own segment decides: analysed as if it were the first
 * sentence of the document (index 0, nothing named earlier). The incremental linter caches
 * this per block and finishes it with `withEarlierTreatments`.
 */
export function analyseLocally(kb: KnowledgeIndex, segment: Segment, span: Span): Sentence {
  const text = segment.text.slice(span.start, span.end);
  const tokens = tokenize(text, span.start);
  const found = kb.sentenceScan.matchAll(tokens);
  const mentions = mentionsIn(kb.mentionSlot, found);
  let scanMatches: Sentence['scanMatches'] = NONE;
  for (let slot = kb.mentionCategories.length; slot < found.length; slot++) {
    if (!found[slot]) continue;
    scanMatches = found as Sentence['scanMatches'];
    break;
  }
  // "not only", "no longer" and friends are not negations.
  const pseudo = mentions.negations.filter((m) => m.value.id === 'pseudo-negation');
  if (pseudo.length > 0) {
    const negations = mentions.negations.filter(
      (m) =>
        m.value.id !== 'pseudo-negation' &&
        !pseudo.some((p) => p.first <= m.first && m.first < p.last),
    );
    mentions.negations = negations.length > 0 ? negations : NONE;
  }
  const named = unique(mentions.treatments.map((m) => m.value.id));
  return {
    index: 0,
    segment,
    start: span.start,
    end: span.end,
    text,
    tokens,
    heading: segment.kind === 'heading',
    // Most sentences have no "?" at all: cheaper to see than to run the pattern.
    question: text.includes('?') && /\?[\s"'”’)\]*_]*$/.test(text),
    cited: isCited(kb, segment, span, text),
    blockquote: segment.quoted,
    quotes: quoteSpans(text, span.start),
    mentions,
    treatments: named,
    carried: NONE,
    onTreatment:
      named.length > 0 ||
      mentions.routes.length > 0 ||
      mentions.anaphora.some((a) => a.value.id === 'therapy-noun'),
    figures: findFigures(text, span.start),
    scanMatches,
  };
}

/**
 * The sentence at `index`, after sentences that last named `earlierTreatments`: "it" and "the
 * treatment" refer back to them when the sentence names no treatment itself.
 */
export function withEarlierTreatments(
  local: Sentence,
  index: number,
  earlierTreatments: readonly string[],
): Sentence {
  return finish({ ...local }, index, earlierTreatments);
}

function finish(s: Sentence, index: number, earlierTreatments: readonly string[]): Sentence {
  // Shared, not copied: sentences never change these lists, and an editor keeps every sentence.
  const carried =
    s.mentions.anaphora.length > 0 && earlierTreatments.length > 0
      ? (earlierTreatments as string[])
      : NONE;
  s.index = index;
  if (s.treatments.length === 0) s.treatments = carried;
  s.carried = carried;
  s.onTreatment ||= carried.length > 0;
  return s;
}

type ScanResult = ReturnType<KnowledgeIndex['sentenceScan']['matchAll']>;

/**
 * The sentence's mentions, one category per key. One literal, not a store per category under a
 * computed key: those stores were most of the analysis's own time in a short CLI run, before V8
 * optimizes it. The return type makes sure no category is left out.
 */
function mentionsIn(
  slot: KnowledgeIndex['mentionSlot'],
  found: ScanResult,
): Record<LexiconCategory, Mention[]> {
  return {
    treatments: mentionsAt(found, slot.treatments),
    routes: mentionsAt(found, slot.routes),
    conditions: mentionsAt(found, slot.conditions),
    effects: mentionsAt(found, slot.effects),
    boosters: mentionsAt(found, slot.boosters),
    hedges: mentionsAt(found, slot.hedges),
    negations: mentionsAt(found, slot.negations),
    attributions: mentionsAt(found, slot.attributions),
    distancing: mentionsAt(found, slot.distancing),
    risks: mentionsAt(found, slot.risks),
    disclaimers: mentionsAt(found, slot.disclaimers),
    'evidence-caveats': mentionsAt(found, slot['evidence-caveats']),
    'study-scope': mentionsAt(found, slot['study-scope']),
    anaphora: mentionsAt(found, slot.anaphora),
    'citation-hosts': mentionsAt(found, slot['citation-hosts']),
    approvals: mentionsAt(found, slot.approvals),
    jurisdictions: mentionsAt(found, slot.jurisdictions),
    commerce: mentionsAt(found, slot.commerce),
    comparisons: mentionsAt(found, slot.comparisons),
  };
}

function mentionsAt(found: ScanResult, at: number): Mention[] {
  // The mention categories' slots hold lexicon matches only.
  const matches = (at < 0 ? undefined : found[at]) as Mention[] | undefined;
  return matches && matches.length > 0 ? longestFirst(matches) : NONE;
}

/** Keeps the longest of overlapping matches of one category ("treatment resistant depression" over "depression"). */
function longestFirst(matches: Mention[]): Mention[] {
  if (matches.length === 1) return matches; // most categories of most sentences: nothing to compare
  const sorted = [...matches].sort(
    (a, b) => b.last - b.first - (a.last - a.first) || a.first - b.first,
  );
  const kept: Mention[] = [];
  for (const m of sorted) if (!kept.some((k) => m.first < k.last && k.first < m.last)) kept.push(m);
  return kept.sort((a, b) => a.first - b.first);
}

/** Where a sentence's clauses and contrasting stretches begin, token by token. */
export interface Clauses {
  /** Clause number of each token (commas, semicolons, dashes and contrast words start one). */
  clause: number[];
  /** Contrast span of each token ("but", "however", ";" start one). */
  contrast: number[];
}

const clausesMade = new WeakMap<Sentence, Clauses>();

/**
 * The sentence's clauses, made when a rule first asks: only sentences where a negation or a
 * hedge stands near a trigger need them, and an editor keeps every sentence of a document.
 */
export function clausesOf(s: Sentence): Clauses {
  let made = clausesMade.get(s);
  if (!made) clausesMade.set(s, (made = clauses(s.segment.text, s.tokens)));
  return made;
}

function clauses(text: string, tokens: Token[]): Clauses {
  const clause = new Array<number>(tokens.length);
  const contrast = new Array<number>(tokens.length);
  let c = 0;
  let k = 0;
  tokens.forEach((t, i) => {
    const gap = i === 0 ? '' : text.slice(tokens[i - 1]?.end ?? 0, t.start);
    if (/[;:—–]|\s-\s|\(|\)/.test(gap) || CONTRAST_WORDS.has(t.word)) {
      c++;
      k++;
    } else if (gap.includes(',')) c++;
    clause[i] = c;
    contrast[i] = k;
  });
  return { clause, contrast };
}

/**
 * (Author, 2020) or (Author et al., 2020): made on first use, and tried only on text with a
 * parenthesis (its Unicode letter class costs ~5 M instructions to build).
 */
let authorYear: RegExp | undefined;
const authorYearPattern = (): RegExp =>
  (authorYear ??=
    /\([A-Z][\p{L}'’-]+(?: et al\.?| (?:and|&) [A-Z][\p{L}'’-]+)?,? (?:19|20)\d{2}[a-z]?(?:[;,][^)]{0,80})?\)/u);
const NUMBERED = /\[\d{1,3}(?:\s*[,–-]\s*\d{1,3})*\]|\[\^[^\]\s]{1,40}\]/;

function isCited(kb: KnowledgeIndex, segment: Segment, span: Span, text: string): boolean {
  if (segment.citations.some((p) => p > span.start && p <= span.end + 1)) return true;
  if (text.includes('(') && authorYearPattern().test(text)) return true;
  if (NUMBERED.test(text)) return true;
  const hosts = kb.lexicon['citation-hosts'];
  return segment.links.some(
    (l) =>
      l.start < span.end &&
      l.end > span.start &&
      (hosts.test(tokenize(l.url)) ||
        /et al|\b(19|20)\d{2}\b/.test(segment.text.slice(l.start, l.end))),
  );
}

/** Spans inside double quotes, typographic single quotes, or straight single quotes used as quotes. */
const QUOTE_PAIRS: readonly (readonly [string, string])[] = [
  ['“', '”'],
  ['‘', '’'],
];

const STRAIGHT_QUOTES = ['"', "'"];

function quoteSpans(text: string, base: number): Span[] {
  const spans: Span[] = [];
  // Indexed loops: this runs for every sentence, mostly before V8 optimizes it.
  for (let p = 0; p < QUOTE_PAIRS.length; p++) {
    // Not `const [open, close] = …`: array destructuring runs the iterator protocol too.
    const open = QUOTE_PAIRS[p]?.[0] ?? '';
    const close = QUOTE_PAIRS[p]?.[1] ?? '';
    let from = 0;
    for (;;) {
      const a = text.indexOf(open, from);
      if (a < 0) break;
      // A typographic apostrophe inside a word is not a closing quote.
      let b = text.indexOf(close, a + 1);
      while (b >= 0 && close === '’' && /\p{L}/u.test(text[b + 1] ?? ''))
        b = text.indexOf(close, b + 1);
      if (b < 0) break;
      spans.push({ start: base + a, end: base + b + 1 });
      from = b + 1;
    }
  }
  for (let k = 0; k < STRAIGHT_QUOTES.length; k++) {
    const q = STRAIGHT_QUOTES[k] as string;
    let open = -1;
    // From one quote character to the next: most sentences have none (runs for every sentence).
    for (let i = text.indexOf(q); i >= 0; i = text.indexOf(q, i + 1)) {
      const before = text[i - 1] ?? ' ';
      const after = text[i + 1] ?? ' ';
      if (open < 0 && /[\s([—–-]/.test(before) && /\S/.test(after)) open = i;
      else if (open >= 0 && !/\p{L}/u.test(after)) {
        spans.push({ start: base + open, end: base + i + 1 });
        open = -1;
      }
    }
  }
  return spans.length > 0 ? spans : NONE;
}

function unique(ids: string[]): string[] {
  if (ids.length === 0) return NONE;
  return ids.length === 1 ? ids : [...new Set(ids)];
}
