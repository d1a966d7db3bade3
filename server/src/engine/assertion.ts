/**
 * Decides whether a matched phrase is the writer's own assertion. This is where negation,
 * hedges, questions, attribution and quotation are handled, once, for every rule.
 */
import { clausesOf, type Sentence } from './analyse.ts';

export interface MatchSpan {
  first: number;
  last: number;
  start: number;
  end: number;
}

/** Evidence appeals ("studies say") are the writer's claim, not somebody else's. */
const EVIDENCE_SUBJECTS = new Set([
  'research',
  'studies',
  'study',
  'science',
  'evidence',
  'data',
  'trials',
]);
const FIRST_PERSON = new Set([
  'we',
  'our',
  'ours',
  'i',
  'my',
  'us',
  "we're",
  "we've",
  "i'm",
  "i've",
  'me',
]);
const NEGATION_WINDOW = 8;

export function isNegated(s: Sentence, m: MatchSpan): boolean {
  return s.mentions.negations.some(
    (n) =>
      n.last <= m.first &&
      m.first - n.last <= NEGATION_WINDOW &&
      clausesOf(s).clause[n.last - 1] === clausesOf(s).clause[m.first],
  );
}

/** A hedge in the same stretch of the sentence (up to "but", "however" or ";"), or research framing anywhere. */
export function isHedged(s: Sentence, m: MatchSpan): boolean {
  if (s.mentions['study-scope'].length > 0) return true;
  // Quantities ("some patients") hedge wherever they stand; modal words only before the claim.
  return s.mentions.hedges.some(
    (h) =>
      clausesOf(s).contrast[h.first] === clausesOf(s).contrast[m.first] &&
      (h.value.id === 'quantity' || h.first < m.first),
  );
}

/** Somebody other than the writer says it, or the sentence marks it as a myth or a false claim. */
export function isAttributed(s: Sentence, m: MatchSpan): boolean {
  if (s.mentions.distancing.some((d) => !isNegated(s, d))) return true;
  if (s.quotes.some((q) => q.start <= m.start && m.end <= q.end)) return true;
  // A reporting verb that opens the sentence is an imperative ("Say goodbye to…"), not a source.
  return s.mentions.attributions.some(
    (a) =>
      !nearFirstPerson(s, a.first, a.last) &&
      !EVIDENCE_SUBJECTS.has(s.tokens[a.first - 1]?.word ?? '') &&
      !(a.first === 0 && /^(say|tell|promise|claim)$/.test(a.phrase)),
  );
}

function nearFirstPerson(s: Sentence, first: number, last: number): boolean {
  for (let i = Math.max(0, first - 3); i < Math.min(s.tokens.length, last + 2); i++) {
    if (FIRST_PERSON.has(s.tokens[i]?.word ?? '')) return true;
  }
  return false;
}

export interface AssertionOptions {
  /** Whether a hedge answers the overclaim ("may help" does; "may cure" does not). */
  hedgesAnswer: boolean;
}

/** The writer asserts the matched words: not asked, not negated, not attributed, and (when hedges count) not hedged. */
export function isAsserted(s: Sentence, m: MatchSpan, options: AssertionOptions): boolean {
  if (s.question || isNegated(s, m) || isAttributed(s, m)) return false;
  return !(options.hedgesAnswer && isHedged(s, m));
}

/** The sentence is about treatment: it names one, a route, a therapy noun, or refers back to one. */
export function isAboutTreatment(s: Sentence): boolean {
  return s.onTreatment;
}

/** About treatment, a condition, or an outcome ("results", "relief"). */
export function isAboutOutcomes(s: Sentence): boolean {
  return s.onTreatment || s.mentions.conditions.length > 0 || s.mentions.effects.length > 0;
}
