/**
 * Document level: benefit claims for a treatment with no risk information for it anywhere in the
 * document. Reported once, on the first sentence that claims a benefit without balance.
 */
import type { Sentence } from '../analyse.ts';
import { isNegated } from '../assertion.ts';
import { caveatSuggestion, suppressionSuggestion, toSource } from '../suggest.ts';
import { tokenize } from '../tokens.ts';
import type { Suggestion } from '../types.ts';
import { assertedBenefits } from './efficacy.ts';
import { NO_DRAFTS, type Rule, type RuleContext } from './rule.ts';

const rule: Rule = {
  id: 'fair-balance',
  defaultSeverity: 'warning',
  summary:
    'Document level: efficacy claims about a treatment with no risk information for it in the document.',
  scope: 'document',
  check(ctx) {
    const comparators = new Set(
      ctx.kb.base.lexicon.treatments.filter((t) => t.comparator).map((t) => t.id),
    );
    const unbalanced = new Map<string, { sentence: Sentence; start: number; end: number }>();
    const hasRiskInformation = riskInformation(ctx);
    if (hasRiskInformation === ALL) return NO_DRAFTS;
    // The editor runs this after every keystroke: the benefit test only where it can matter.
    const open = (t: string) => !comparators.has(t) && !unbalanced.has(t) && !hasRiskInformation(t);
    for (const s of ctx.sentences) {
      if (!s.treatments.some(open)) continue;
      const benefit = assertedBenefits(s)[0];
      if (!benefit) continue;
      for (const t of s.treatments) {
        if (open(t)) {
          unbalanced.set(t, {
            sentence: s,
            start: s.mentions.treatments[0]?.start ?? benefit.start,
            end: s.mentions.treatments[0]?.end ?? benefit.end,
          });
        }
      }
    }
    const first = [...unbalanced.values()].sort((a, b) => a.sentence.index - b.sentence.index)[0];
    if (!first) return NO_DRAFTS;
    const names = [...unbalanced.keys()].join(', ');
    const suggestions: (Suggestion | undefined)[] = [];
    const caveat = riskCaveat(ctx, [...unbalanced.keys()]);
    if (caveat) suggestions.push(caveatSuggestion(ctx, first.sentence, caveat, true));
    suggestions.push(suppressionSuggestion(ctx, first.sentence, rule.id));
    const claim = ctx.kb.claims.get('fda-fair-balance');
    return [
      {
        ...toSource(ctx, first.sentence, first.start, first.end),
        message: `Benefits of ${names} are claimed but the document gives no risk information for it (side effects, monitoring, regulatory status).`,
        claim,
        suggestions: suggestions.filter((x): x is Suggestion => x !== undefined),
      },
    ];
  },
};

/**
 * Which treatments the document gives risk information for: a risk statement that is not itself
 * negated ("no side effects" is not risk information), about that treatment or about none in
 * particular. One pass over the document (asking per benefit sentence was quadratic).
 */
function riskInformation(ctx: RuleContext): (treatment: string) => boolean {
  const covered = new Set<string>();
  for (const s of ctx.sentences) {
    if (s.mentions.risks.length === 0 || s.question) continue;
    if (!s.mentions.risks.some((r) => !isNegated(s, r))) continue;
    // Risk information about no treatment in particular covers them all.
    if (s.treatments.length === 0) return ALL;
    for (const t of s.treatments) covered.add(t);
    for (const t of s.carried) covered.add(t);
  }
  return (treatment) => covered.has(treatment);
}

const ALL = () => true;

/** The first safety caveat in the claim base for these treatments that names a risk. */
function riskCaveat(ctx: RuleContext, treatments: string[]): string | undefined {
  for (const claim of ctx.kb.base.claims) {
    if (claim.topic !== 'safety' || !claim.scope.agents?.some((a) => treatments.includes(a)))
      continue;
    const caveat = claim.caveats.find((c) => ctx.kb.lexicon.risks.test(tokenize(c)));
    if (caveat) return caveat;
  }
  return undefined;
}

export default rule;
