/**
 * The claim base compiled for matching: one phrase set per lexicon category and per rule,
 * built once per claim base and reused for every document.
 */
import type { ClaimBase } from '../knowledge/compile.ts';
import {
  lexiconCategories,
  type Claim,
  type LexiconCategory,
  type Source,
  type Trigger,
} from '../knowledge/schema.ts';
import { PhraseSet, PhraseSetGroup } from './phrase.ts';
import type { Token } from './tokens.ts';

export interface TermRef {
  id: string;
  family?: string;
}

export interface Recogniser {
  claim: Claim;
  agents: ReadonlySet<string>;
  groups: PhraseSet<null>[];
  /** Where each group's matches are in a `sentenceScan` result, in the order of `groups`. */
  slots: readonly number[];
}

export interface KnowledgeIndex {
  base: ClaimBase;
  lexicon: Record<LexiconCategory, PhraseSet<TermRef>>;
  /** The categories a sentence's mentions list, scanned in one pass (in this order). */
  mentionCategories: LexiconCategory[];
  /** Each lexicon category's index in `mentionCategories` (-1: not a mention). */
  mentionSlot: Readonly<Record<LexiconCategory, number>>;
  /**
   * One pass over a sentence for every phrase set it is matched against: the mention
   * categories (in `mentionCategories` order), then each rule's triggers (`triggerSlots`), then
   * each recogniser's groups (`Recogniser.slots`).
   */
  sentenceScan: PhraseSetGroup<TermRef | Trigger | null>;
  triggers: Map<string, PhraseSet<Trigger>>;
  /** Where each rule's trigger matches are in a `sentenceScan` result. */
  triggerSlots: Map<string, number>;
  /** Compiled `except` and `requires` phrases of each trigger. */
  triggerGuards: Map<Trigger, { except: PhraseSet<null>; requires: PhraseSet<null>[] }>;
  claims: Map<string, Claim>;
  sources: Map<string, Source>;
  recognisers: Recogniser[];
  /** Claims with a known figure, their `about` groups compiled once. */
  figures: { claim: Claim; about: PhraseSet<null>[] }[];
}

const cache = new WeakMap<ClaimBase, KnowledgeIndex>();

export function indexKnowledge(base: ClaimBase): KnowledgeIndex {
  const cached = cache.get(base);
  if (cached) return cached;
  const lexicon = Object.fromEntries(
    lexiconCategories.map((category) => [
      category,
      new PhraseSet(
        base.lexicon[category].flatMap((term) => {
          const value: TermRef = { id: term.id, family: term.family };
          return term.phrases.map((source) => ({ source, value }));
        }),
      ),
    ]),
  ) as Record<LexiconCategory, PhraseSet<TermRef>>;
  const triggers = new Map<string, PhraseSet<Trigger>>();
  const triggerGuards: KnowledgeIndex['triggerGuards'] = new Map();
  for (const [rule, list] of Object.entries(base.triggers)) {
    triggers.set(
      rule,
      new PhraseSet(list.flatMap((t) => t.phrases.map((source) => ({ source, value: t })))),
    );
    for (const t of list) {
      triggerGuards.set(t, { except: phraseSet(t.except), requires: t.requires.map(phraseSet) });
    }
  }
  // Citation hosts are matched against link URLs, not sentences.
  const mentionCategories: LexiconCategory[] = lexiconCategories.filter(
    (c) => c !== 'citation-hosts',
  );
  // Recognisers' groups are scanned with everything else (missing-citation tried each group on
  // every sentence naming a treatment: twice the tokens of the whole scan), after the triggers.
  let nextSlot = mentionCategories.length + triggers.size;
  const recognisers: Recogniser[] = base.claims.flatMap((claim) => {
    if (!claim.recognise) return [];
    const groups = claim.recognise.allOf.map(phraseSet);
    const slots = groups.map(() => nextSlot++);
    return [{ claim, agents: new Set(claim.recognise.agents), groups, slots }];
  });
  const index: KnowledgeIndex = {
    base,
    lexicon,
    mentionCategories,
    mentionSlot: Object.fromEntries(
      lexiconCategories.map((c) => [c, mentionCategories.indexOf(c)]),
    ) as Record<LexiconCategory, number>,
    sentenceScan: new PhraseSetGroup<TermRef | Trigger | null>([
      ...mentionCategories.map((c) => lexicon[c]),
      ...triggers.values(),
      ...recognisers.flatMap((r) => r.groups),
    ]),
    triggers,
    triggerSlots: new Map(
      [...triggers.keys()].map((rule, i) => [rule, mentionCategories.length + i]),
    ),
    triggerGuards,
    claims: new Map(base.claims.map((c) => [c.id, c])),
    sources: new Map(base.sources.map((s) => [s.id, s])),
    figures: base.claims.flatMap((claim) =>
      claim.figure ? [{ claim, about: claim.figure.about.map(phraseSet) }] : [],
    ),
    recognisers,
  };
  cache.set(base, index);
  return index;
}

export function phraseSet(phrases: string[]): PhraseSet<null> {
  return new PhraseSet(phrases.map((source) => ({ source, value: null })));
}

/** True when every group has a match somewhere in the tokens. */
export function allGroupsMatch(groups: PhraseSet<null>[], tokens: Token[]): boolean {
  for (const group of groups) if (!group.test(tokens)) return false;
  return true;
}
