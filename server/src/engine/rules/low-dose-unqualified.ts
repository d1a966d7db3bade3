/**
 * Efficacy of low-dose, oral, sublingual, troche, at-home or compounded ketamine stated without
 * the caveat that its evidence is thin. IV ketamine and intranasal esketamine are out of scope:
 * that is where the trial evidence is.
 */
import type { Claim } from '../../knowledge/schema.ts';
import type { Sentence } from '../analyse.ts';
import { isAsserted } from '../assertion.ts';
import {
  caveatSuggestion,
  citableSource,
  citationSuggestion,
  rewordingSuggestion,
  suppressionSuggestion,
  toSource,
} from '../suggest.ts';
import { tokenize } from '../tokens.ts';
import type { Suggestion } from '../types.ts';
import { LazyDraft, NO_DRAFTS, type Rule, type RuleContext } from './rule.ts';

const THIN_ROUTES: Record<string, string> = {
  oral: 'oral-sublingual-ketamine-evidence',
  sublingual: 'oral-sublingual-ketamine-evidence',
  troche: 'oral-sublingual-ketamine-evidence',
  'at-home': 'ketamine-compounded-fda-2023',
  compounded: 'ketamine-compounded-fda-2023',
  'low-dose': 'low-dose-efficacy-not-established',
};
const STUDIED_ROUTES = new Set(['iv', 'intranasal', 'intramuscular', 'subcutaneous']);

const rule: Rule = {
  id: 'low-dose-unqualified',
  defaultSeverity: 'error',
  summary:
    'Efficacy of low-dose, oral, sublingual, troche, at-home or compounded ketamine stated without the evidence caveat.',
  scope: 'sentence',
  check(ctx, s) {
    if (s.mentions.routes.length === 0) return NO_DRAFTS;
    const thin = s.mentions.routes.filter((r) => r.value.id in THIN_ROUTES);
    if (thin.length === 0 || !isKetamine(s, thin)) return NO_DRAFTS;
    const onlyDose = thin.every((r) => r.value.id === 'low-dose');
    const comparesToStudied = s.mentions.comparisons.length > 0;
    if (
      onlyDose &&
      !comparesToStudied &&
      s.mentions.routes.some((r) => STUDIED_ROUTES.has(r.value.id))
    )
      return NO_DRAFTS;
    const benefit = s.mentions.effects.find((m) => isAsserted(s, m, { hedgesAnswer: true }));
    if (!benefit || !isAsserted(s, thin[0] ?? benefit, { hedgesAnswer: true })) return NO_DRAFTS;
    if (hasCaveatNearby(ctx, s)) return NO_DRAFTS;
    const route = thin.find((r) => r.value.id !== 'low-dose') ?? thin[0] ?? benefit;
    const claim = ctx.kb.claims.get(THIN_ROUTES[route.value.id] ?? '');
    const range = toSource(
      ctx,
      s,
      Math.min(route.start, benefit.start),
      Math.max(route.end, benefit.end),
    );
    return [
      new LazyDraft(
        range,
        `Benefit of ${routeName(ctx, s, route)} ketamine stated without the caveat: most evidence comes from IV ketamine or intranasal esketamine.`,
        claim,
        () => suggestionsFor(ctx, s, claim),
      ),
    ];
  },
};

function suggestionsFor(ctx: RuleContext, s: Sentence, claim: Claim | undefined): Suggestion[] {
  const suggestions: (Suggestion | undefined)[] = [];
  if (claim) {
    // A caveat that names the thin evidence answers the rule, so inserting it is a safe fix.
    const caveat = claim.caveats.find((c) => ctx.kb.lexicon['evidence-caveats'].test(tokenize(c)));
    if (caveat) suggestions.push(caveatSuggestion(ctx, s, caveat, true));
    const source = citableSource(ctx, claim);
    if (source && !s.cited) suggestions.push(citationSuggestion(ctx, s, source, false));
    suggestions.push(rewordingSuggestion(ctx, s, claim));
  }
  suggestions.push(suppressionSuggestion(ctx, s, rule.id));
  return suggestions.filter((x): x is Suggestion => x !== undefined);
}

/** Troches, lozenges and dissolving tablets are ketamine products in this domain, even unnamed. */
function isKetamine(s: Sentence, thin: Sentence['mentions']['routes']): boolean {
  if (s.treatments.includes('ketamine')) return true;
  return (
    s.treatments.length === 0 &&
    thin.some((r) => r.value.id === 'troche' || r.value.id === 'sublingual')
  );
}

function routeName(ctx: RuleContext, s: Sentence, route: { start: number; end: number }): string {
  const r = toSource(ctx, s, route.start, route.end);
  return ctx.source.slice(r.start, r.end).toLowerCase();
}

function hasCaveatNearby(ctx: RuleContext, s: Sentence): boolean {
  const near = [ctx.sentences[s.index - 1], s, ctx.sentences[s.index + 1]];
  return near.some((n) => n !== undefined && n.mentions['evidence-caveats'].length > 0);
}

export default rule;
