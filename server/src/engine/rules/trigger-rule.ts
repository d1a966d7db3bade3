/**
 * The shared shape of phrase-driven rules: the phrases live in knowledge/triggers/<rule>.yaml,
 * this module decides which matches are the writer's own overclaims.
 */
import type { Trigger } from '../../knowledge/schema.ts';
import type { Sentence } from '../analyse.ts';
import { isAsserted } from '../assertion.ts';
import { allGroupsMatch } from '../knowledge-index.ts';
import type { PhraseMatch } from '../phrase.ts';
import { hedgeSuggestion, standardSuggestions, toSource } from '../suggest.ts';
import {
  LazyDraft,
  NO_DRAFTS,
  type Draft,
  type Rule,
  type RuleContext,
  type RuleMeta,
} from './rule.ts';

export interface TriggerRuleOptions extends RuleMeta {
  /** How the message describes the overclaim, after the quoted words: "claims a cure". */
  verb: string;
  /** Whether hedges answer this rule's triggers by default. */
  hedgesAnswer: boolean;
  /** Whether the sentence is on topic for this rule (usually: it is about a treatment). */
  onTopic(s: Sentence): boolean;
}

export function triggerRule(options: TriggerRuleOptions): Rule {
  return {
    id: options.id,
    defaultSeverity: options.defaultSeverity,
    summary: options.summary,
    scope: 'sentence',
    check(ctx, s) {
      // Most sentences match no trigger at all: that is cheaper to see than the topic.
      if (s.scanMatches.length === 0 || !options.onTopic(s)) return NO_DRAFTS;
      const asserted = assertedTriggers(ctx, s, options);
      return asserted.length === 0 ? NO_DRAFTS : asserted.map((m) => draftFor(ctx, s, options, m));
    },
  };
}

/** Matches of a rule's triggers that the writer asserts, longest first, without overlaps. */
export function assertedTriggers(
  ctx: RuleContext,
  s: Sentence,
  options: Pick<TriggerRuleOptions, 'id' | 'hedgesAnswer'>,
): PhraseMatch<Trigger>[] {
  const slot = ctx.kb.triggerSlots.get(options.id);
  // Found while the sentence was analysed; most sentences match none of a rule's triggers.
  const found = (slot === undefined ? undefined : s.scanMatches[slot]) as
    PhraseMatch<Trigger>[] | undefined;
  if (!found) return [];
  const kept: PhraseMatch<Trigger>[] = [];
  // A copy: the sentence keeps its matches (an editor re-runs rules on cached sentences).
  const matches = [...found].sort(
    (a, b) => b.last - b.first - (a.last - a.first) || a.first - b.first,
  );
  for (const m of matches) {
    if (kept.some((k) => m.first < k.last && k.first < m.last)) continue;
    if (!applies(ctx, s, m, options.hedgesAnswer)) continue;
    kept.push(m);
  }
  return kept.sort((a, b) => a.first - b.first);
}

function applies(
  ctx: RuleContext,
  s: Sentence,
  m: PhraseMatch<Trigger>,
  hedgesAnswer: boolean,
): boolean {
  const t = m.value;
  const guards = ctx.kb.triggerGuards.get(t);
  if (guards?.except.matchAll(s.tokens).some((e) => e.first < m.last && m.first < e.last))
    return false;
  if (guards && !allGroupsMatch(guards.requires, s.tokens)) return false;
  if (t.citationAnswers && s.cited) return false;
  if (t.scopeAnswers && (s.mentions.routes.length > 0 || s.mentions['study-scope'].length > 0))
    return false;
  return isAsserted(s, m, { hedgesAnswer: t.hedgesAnswer ?? hedgesAnswer });
}

function draftFor(
  ctx: RuleContext,
  s: Sentence,
  options: TriggerRuleOptions,
  m: PhraseMatch<Trigger>,
): Draft {
  const range = toSource(ctx, s, m.start, m.end);
  const text = ctx.source.slice(range.start, range.end);
  const claim = ctx.kb.claims.get(m.value.claim);
  return new LazyDraft(range, `“${text}” ${options.verb}: ${m.value.why}.`, claim, () => {
    const suggestions = standardSuggestions(ctx, s, options.id, claim);
    if (m.value.replace)
      suggestions.unshift(hedgeSuggestion(text, m.value.replace, range, m.value.safe));
    return suggestions;
  });
}
